package io.skiff.api.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * A small DSL for proto2 schema files, for Kubernetes groups whose generated classes the proto jar
 * lacks. Message type names are fully qualified (leading dot), as in a compiled descriptor.
 */
final class ProtoFileBuilder {
    private final FileDescriptorProto.Builder file;
    private final String pkg;
    private final List<FileDescriptor> dependencies = new ArrayList<>();

    ProtoFileBuilder(String fileName, String pkg) {
        this.file = FileDescriptorProto.newBuilder().setName(fileName).setPackage(pkg);
        this.pkg = pkg;
    }

    ProtoFileBuilder dependsOn(FileDescriptor dependency) {
        file.addDependency(dependency.getName());
        dependencies.add(dependency);
        return this;
    }

    /** The fully qualified name of a message of this file. */
    String local(String messageName) {
        return "." + pkg + "." + messageName;
    }

    Message message(String name) {
        return new Message(name);
    }

    FileDescriptor build() {
        try {
            return FileDescriptor.buildFrom(file.build(), dependencies.toArray(FileDescriptor[]::new));
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("supplemental protobuf schema " + file.getName() + " is invalid", e);
        }
    }

    final class Message {
        private final DescriptorProto.Builder message;

        private Message(String name) {
            this.message = DescriptorProto.newBuilder().setName(name);
        }

        Message scalar(String name, int number, Type type) {
            message.addField(field(name, number, Label.LABEL_OPTIONAL, type));
            return this;
        }

        Message repeatedScalar(String name, int number, Type type) {
            message.addField(field(name, number, Label.LABEL_REPEATED, type));
            return this;
        }

        Message message(String name, int number, String typeName) {
            message.addField(field(name, number, Label.LABEL_OPTIONAL, Type.TYPE_MESSAGE).setTypeName(typeName));
            return this;
        }

        Message repeatedMessage(String name, int number, String typeName) {
            message.addField(field(name, number, Label.LABEL_REPEATED, Type.TYPE_MESSAGE).setTypeName(typeName));
            return this;
        }

        /** {@code map<string, string>}: protobuf models it as a repeated nested entry message. */
        Message stringMap(String name, int number) {
            String entry = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Entry";
            message.addNestedType(DescriptorProto.newBuilder().setName(entry)
                    .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                    .addField(field("key", 1, Label.LABEL_OPTIONAL, Type.TYPE_STRING))
                    .addField(field("value", 2, Label.LABEL_OPTIONAL, Type.TYPE_STRING)));
            String entryType = local(message.getName()) + "." + entry;
            message.addField(field(name, number, Label.LABEL_REPEATED, Type.TYPE_MESSAGE).setTypeName(entryType));
            return this;
        }

        ProtoFileBuilder end() {
            file.addMessageType(message);
            return ProtoFileBuilder.this;
        }

        private FieldDescriptorProto.Builder field(String name, int number, Label label, Type type) {
            return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(label).setType(type)
                    .setJsonName(name);
        }
    }
}
