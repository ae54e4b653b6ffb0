package io.netwright.ui.editor;

import io.netwright.graph.Block;
import io.netwright.graph.Catalogue;
import io.netwright.graph.Category;
import io.netwright.graph.LayerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The palette: every catalogue layer grouped by category, then the design's blocks, filtered by the search text
 * (matched against the type name, the display name and the doc).
 */
public final class PaletteViewModel {

    /** One palette entry: a layer type or a block. */
    public record Item(String type, String displayName, String section, String doc, boolean block) {
    }

    /** The heading of the blocks section. */
    public static final String BLOCKS = "Blocks";

    private final EditorViewModel editor;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<Map<String, List<Item>>> sections = new ReadOnlyObjectWrapper<>(this,
            "sections", Map.of());

    /** The palette of {@code editor}'s design. */
    public PaletteViewModel(EditorViewModel editor) {
        this.editor = editor;
        filter.addListener((o, a, b) -> update());
        editor.designProperty().addListener((o, a, b) -> {
            if (a == null || !a.blocks().equals(b.blocks())) {
                update();
            }
        });
        update();
    }

    /** The search text. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Sections in palette order (heading → items), empty sections left out. */
    public ReadOnlyObjectProperty<Map<String, List<Item>>> sectionsProperty() {
        return sections.getReadOnlyProperty();
    }

    /** The items shown now, all sections in order. */
    public List<Item> visibleItems() {
        List<Item> all = new ArrayList<>();
        sections.get().values().forEach(all::addAll);
        return all;
    }

    private void update() {
        String q = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        Map<String, List<Item>> m = new LinkedHashMap<>();
        for (Map.Entry<Category, List<LayerType>> e : Catalogue.standard().byCategory().entrySet()) {
            for (LayerType t : e.getValue()) {
                Item it = new Item(t.name(), t.displayName(), e.getKey().displayName(), t.doc(), false);
                if (matches(it, q)) {
                    m.computeIfAbsent(it.section(), k -> new ArrayList<>()).add(it);
                }
            }
        }
        for (Block b : editor.documentDesign().blocks().values()) {
            Item it = new Item(b.name(), b.name(), BLOCKS, b.description().isEmpty() ? "Block of " + b.nodes().size()
                    + " nodes (double-click an instance to open it)" : b.description(), true);
            if (matches(it, q)) {
                m.computeIfAbsent(BLOCKS, k -> new ArrayList<>()).add(it);
            }
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        sections.set(java.util.Collections.unmodifiableMap(m));
    }

    private static boolean matches(Item it, String q) {
        return q.isEmpty() || it.type().toLowerCase(Locale.ROOT).contains(q)
                || it.displayName().toLowerCase(Locale.ROOT).contains(q) || it.doc().toLowerCase(Locale.ROOT).contains(q);
    }
}
