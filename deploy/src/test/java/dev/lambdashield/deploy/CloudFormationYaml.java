package dev.lambdashield.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.List;
import java.util.Map;

/**
 * Loads CloudFormation YAML, turning each short-form intrinsic function ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub ...}) into its long form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}},
 * {@code {"Fn::Sub": ...}}), so checks only deal with the long form.
 */
final class CloudFormationYaml {

    /** Short-form tag to long-form key; {@code !GetAtt} is handled separately because its scalar form splits. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!Transform", "Fn::Transform"));

    private CloudFormationYaml() {
    }

    /** Parses a template; the root must be a mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String text) {
        Object root = new Yaml(new IntrinsicConstructor()).load(text);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("template root is not a mapping");
        }
        return (Map<String, Object>) root;
    }

    /** Returns the short-form tags this loader converts, e.g. {@code !Ref}. */
    static List<String> shortFormTags() {
        List<String> tags = new java.util.ArrayList<>(FUNCTIONS.keySet());
        tags.add("!GetAtt");
        java.util.Collections.sort(tags);
        return tags;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            FUNCTIONS.forEach((tag, key) -> yamlConstructors.put(new Tag(tag), new LongForm(key)));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
        }

        private Object content(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, content(node));
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = content(node);
                if (value instanceof String text) {
                    int dot = text.indexOf('.');
                    value = dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                return Map.of("Fn::GetAtt", value);
            }
        }
    }
}
