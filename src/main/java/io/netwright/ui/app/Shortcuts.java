package io.netwright.ui.app;

/** The Help ▸ Keyboard Shortcuts text. */
final class Shortcuts {

    private Shortcuts() {
    }

    static final String TEXT = """
            Canvas
              drag a palette entry      place a layer
              double-click an entry     add it after the selected node
              drag port → port          wire two layers (green ports accept, red refuse)
              click / shift-click       select / add to selection
              drag the background       rubber-band selection
              right- or middle-drag     pan;  wheel: zoom;  shift+wheel: pan
              + / -  ·  F               zoom  ·  fit to view
              arrows (shift: ×5)        nudge the selection
              Delete                    delete the selection or the selected wire
              double-click a block      open it

            Edit
              Ctrl+Z / Ctrl+Y           undo / redo (every edit, moves and parameters too)
              Ctrl+X / C / V / D        cut / copy / paste / duplicate
              Ctrl+G                    make a block from the selection
              Ctrl+L / Ctrl+Shift+L     auto-layout top-down / left-to-right

            File
              Ctrl+E                    export the graph as an image
              Ctrl+Shift+E              export the model (ONNX, Triton) with the export check
            """;
}
