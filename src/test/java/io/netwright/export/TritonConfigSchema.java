package io.netwright.export;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;

/**
 * The part of Triton's {@code ModelConfig} message (model_config.proto, package {@code inference}) that Netwright
 * writes, as a protobuf descriptor, so a test parses config.pbtxt with protobuf's own text-format parser: a field
 * name or enum value Triton does not know fails the parse, as it fails the server's.
 */
final class TritonConfigSchema {

    private static final Descriptors.Descriptor MODEL_CONFIG = build();

    private TritonConfigSchema() {
    }

    /** Parses config.pbtxt text into a ModelConfig message. */
    static DynamicMessage parse(String text) throws TextFormat.ParseException {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(MODEL_CONFIG);
        TextFormat.getParser().merge(text, b);
        return b.build();
    }

    private static Descriptors.Descriptor build() {
        EnumDescriptorProto dataType = enumOf("DataType", "TYPE_INVALID", "TYPE_BOOL", "TYPE_UINT8", "TYPE_UINT16",
                "TYPE_UINT32", "TYPE_UINT64", "TYPE_INT8", "TYPE_INT16", "TYPE_INT32", "TYPE_INT64", "TYPE_FP16",
                "TYPE_FP32", "TYPE_FP64", "TYPE_STRING", "TYPE_BF16");
        DescriptorProto input = DescriptorProto.newBuilder().setName("ModelInput")
                .addField(f("name", 1, Type.TYPE_STRING, false, null))
                .addField(f("data_type", 2, Type.TYPE_ENUM, false, ".inference.DataType"))
                .addField(f("dims", 4, Type.TYPE_INT64, true, null)).build();
        DescriptorProto output = DescriptorProto.newBuilder().setName("ModelOutput")
                .addField(f("name", 1, Type.TYPE_STRING, false, null))
                .addField(f("data_type", 2, Type.TYPE_ENUM, false, ".inference.DataType"))
                .addField(f("dims", 3, Type.TYPE_INT64, true, null))
                .addField(f("label_filename", 4, Type.TYPE_STRING, false, null)).build();
        DescriptorProto group = DescriptorProto.newBuilder().setName("ModelInstanceGroup")
                .addEnumType(enumOf("Kind", "KIND_AUTO", "KIND_GPU", "KIND_CPU", "KIND_MODEL"))
                .addField(f("name", 1, Type.TYPE_STRING, false, null))
                .addField(f("count", 2, Type.TYPE_INT32, false, null))
                .addField(f("gpus", 3, Type.TYPE_INT32, true, null))
                .addField(f("kind", 4, Type.TYPE_ENUM, false, ".inference.ModelInstanceGroup.Kind")).build();
        DescriptorProto batching = DescriptorProto.newBuilder().setName("ModelDynamicBatching")
                .addField(f("preferred_batch_size", 1, Type.TYPE_INT32, true, null))
                .addField(f("max_queue_delay_microseconds", 2, Type.TYPE_UINT64, false, null)).build();
        DescriptorProto config = DescriptorProto.newBuilder().setName("ModelConfig")
                .addField(f("name", 1, Type.TYPE_STRING, false, null))
                .addField(f("platform", 2, Type.TYPE_STRING, false, null))
                .addField(f("max_batch_size", 4, Type.TYPE_INT32, false, null))
                .addField(f("input", 5, Type.TYPE_MESSAGE, true, ".inference.ModelInput"))
                .addField(f("output", 6, Type.TYPE_MESSAGE, true, ".inference.ModelOutput"))
                .addField(f("instance_group", 7, Type.TYPE_MESSAGE, true, ".inference.ModelInstanceGroup"))
                .addField(f("default_model_filename", 8, Type.TYPE_STRING, false, null))
                .addField(f("dynamic_batching", 11, Type.TYPE_MESSAGE, false, ".inference.ModelDynamicBatching"))
                .addField(f("backend", 17, Type.TYPE_STRING, false, null)).build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("model_config.proto")
                .setPackage("inference").setSyntax("proto3").addEnumType(dataType).addMessageType(input)
                .addMessageType(output).addMessageType(group).addMessageType(batching).addMessageType(config)
                .build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName("ModelConfig");
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldDescriptorProto f(String name, int number, Type type, boolean repeated, String typeName) {
        FieldDescriptorProto.Builder b = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setType(type).setLabel(repeated ? Label.LABEL_REPEATED : Label.LABEL_OPTIONAL);
        if (typeName != null) {
            b.setTypeName(typeName);
        }
        return b.build();
    }

    private static EnumDescriptorProto enumOf(String name, String... values) {
        EnumDescriptorProto.Builder b = EnumDescriptorProto.newBuilder().setName(name);
        for (int i = 0; i < values.length; i++) {
            b.addValue(EnumValueDescriptorProto.newBuilder().setName(values[i]).setNumber(i));
        }
        return b.build();
    }
}
