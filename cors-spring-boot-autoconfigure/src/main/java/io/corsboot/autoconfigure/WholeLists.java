package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

import io.corsboot.core.PolicySetting;

/**
 * The origin lists under {@code cors.*} that a property source spells element by element ({@code [0]}, {@code [1]},
 * …), offered to the {@link Binder} whole, as one value each, in a source placed just before the one they were read
 * from. The binder then binds such a list as it binds a value that a source sets at once: one conversion, rather than
 * one binding, with its handlers and its search of every source, for each element.
 * <p>
 * A list is offered whole only where the binder would have read exactly these values from that source: elements from
 * {@code [0]} without a gap, each a string without a placeholder, and no value for the list itself. Any other list (a
 * gap, nested names, a placeholder, a value that is not a string) is left to the binder, whose problems the report
 * names as before. Where the list comes from is unchanged: a source before it that has the list comes before it
 * still. The elements read this way count as bound, since the list that holds them is, and the source they were read
 * from is offered without them: the binder walks a source's names several times (to find the policies, and the keys
 * that nothing binds), and a long list would be as many names to walk each time.
 */
final class WholeLists {

    private static final Set<String> ORIGIN_SETTINGS = Set.of(uniform(PolicySetting.ALLOWED_ORIGINS),
            uniform(PolicySetting.ALLOWED_ORIGIN_PATTERNS));

    private WholeLists() {
    }

    /** The sources, each preceded by the origin lists offered whole that were read from it, if any. */
    static List<ConfigurationPropertySource> offeredWhole(Iterable<ConfigurationPropertySource> sources) {
        List<ConfigurationPropertySource> offered = new ArrayList<>();
        for (ConfigurationPropertySource source : sources) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                Names names = new Names();
                Map<ConfigurationPropertyName, ConfigurationProperty> lists = wholeLists(iterable, names);
                if (!lists.isEmpty()) {
                    offered.add(new ListSource(lists, source));
                    offered.add(new NamesSource(names.notOfferedWhole(), iterable));
                    continue;
                }
            }
            offered.add(source);
        }
        return offered;
    }

    private static Map<ConfigurationPropertyName, ConfigurationProperty> wholeLists(
            IterableConfigurationPropertySource source, Names names) {
        Map<String, OriginList> lists = new LinkedHashMap<>();
        Set<String> otherLists = new HashSet<>();
        List<ConfigurationPropertyName> others = new ArrayList<>();
        OriginList previous = null;
        // Names are read as text, which the source's own lookups build and keep anyway: a long list is as many names,
        // and taking each apart element by element would cost more than the binding it saves.
        for (ConfigurationPropertyName name : source) {
            String text = name.toString();
            if (!text.startsWith("cors.")) {
                names.add(name, null);
                continue;
            }
            int bracket = text.lastIndexOf('[');
            if (!name.isLastElementIndexed() || bracket < 0 || !text.endsWith("]")) {
                others.add(name);
                names.add(name, null);
                continue;
            }
            OriginList list = (previous != null && previous.isPrefixOf(text, bracket)) ? previous
                    : lists.get(text.substring(0, bracket));
            if (list == null) {
                String prefix = text.substring(0, bracket);
                ConfigurationPropertyName parent = otherLists.contains(prefix) ? null : name.getParent();
                if (parent == null || !isOriginList(parent)) {
                    otherLists.add(prefix);
                    others.add(name);
                    names.add(name, null);
                    continue;
                }
                list = new OriginList(parent, prefix);
                lists.put(prefix, list);
                // An element whose own text holds a bracket would be read at the wrong index: left to the binder.
                list.irregular = !prefix.equals(parent.toString());
            }
            list.elements.add(name);
            list.indexes.add(index(text, bracket + 1, text.length() - 1));
            names.add(name, list);
            previous = list;
        }
        Map<ConfigurationPropertyName, ConfigurationProperty> whole = new LinkedHashMap<>();
        for (OriginList list : lists.values()) {
            // The binder reads a value set at once rather than the elements beside it.
            if (list.irregular || isAncestorOfAny(list.name, others)
                    || source.getConfigurationProperty(list.name) != null) {
                continue;
            }
            List<String> values = list.values(source);
            if (values != null) {
                whole.put(list.name, new ConfigurationProperty(list.name, values, null));
                list.offeredWhole = true;
            }
        }
        return whole;
    }

    /** A source's names in its order, each with the origin list it is an element of, if any. */
    private static final class Names {

        private final List<ConfigurationPropertyName> names = new ArrayList<>();

        private final List<@Nullable OriginList> lists = new ArrayList<>();

        void add(ConfigurationPropertyName name, @Nullable OriginList list) {
            this.names.add(name);
            this.lists.add(list);
        }

        List<ConfigurationPropertyName> notOfferedWhole() {
            List<ConfigurationPropertyName> kept = new ArrayList<>(this.names.size());
            for (int i = 0; i < this.names.size(); i++) {
                OriginList list = this.lists.get(i);
                if (list == null || !list.offeredWhole) {
                    kept.add(this.names.get(i));
                }
            }
            return kept;
        }
    }

    /** The elements of one origin list found in a source, with their indexes as the binder spells them. */
    private static final class OriginList {

        private final ConfigurationPropertyName name;

        private final String text;

        private final List<ConfigurationPropertyName> elements = new ArrayList<>();

        private final List<Integer> indexes = new ArrayList<>();

        private boolean irregular;

        private boolean offeredWhole;

        OriginList(ConfigurationPropertyName name, String text) {
            this.name = name;
            this.text = text;
        }

        boolean isPrefixOf(String element, int bracket) {
            return bracket == this.text.length() && element.startsWith(this.text);
        }

        /** The values from [0] on, or null unless there is no gap, each a string to take as it is. */
        @Nullable List<String> values(ConfigurationPropertySource source) {
            String[] values = new String[this.elements.size()];
            for (int i = 0; i < values.length; i++) {
                int index = this.indexes.get(i);
                ConfigurationProperty property = (index >= 0 && index < values.length && values[index] == null)
                        ? source.getConfigurationProperty(this.elements.get(i)) : null;
                if (property == null || !(property.getValue() instanceof String value) || value.contains("${")) {
                    return null;
                }
                values[index] = value;
            }
            return List.of(values);
        }
    }

    /**
     * Whether a name is an origin list: {@code cors.defaults.<setting>}, {@code cors.policies.<name>.<setting>} or
     * {@code cors.policies.<name>.candidate.<setting>}.
     */
    private static boolean isAncestorOfAny(ConfigurationPropertyName name, List<ConfigurationPropertyName> others) {
        for (ConfigurationPropertyName other : others) {
            if (name.isAncestorOf(other)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOriginList(ConfigurationPropertyName name) {
        if (name.isLastElementIndexed() || !ORIGIN_SETTINGS.contains(name.getLastElement(Form.UNIFORM))) {
            return false;
        }
        String group = name.getElement(1, Form.UNIFORM);
        return switch (name.getNumberOfElements()) {
            case 3 -> group.equals("defaults");
            case 4 -> group.equals("policies");
            case 5 -> group.equals("policies") && !name.chop(4).isLastElementIndexed()
                    && name.getElement(3, Form.UNIFORM).equals("candidate");
            default -> false;
        };
    }

    /** The index that {@code text[start, end)} spells as the binder spells indexes, or -1. */
    private static int index(String text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 9 || (length > 1 && text.charAt(start) == '0')) {
            return -1;
        }
        int index = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    private static String uniform(PolicySetting setting) {
        return ConfigurationPropertyName.of(setting.key()).getElement(0, Form.UNIFORM);
    }

    /** The lists read from one source, each under its own name, with the value the binder converts at once. */
    private static final class ListSource implements IterableConfigurationPropertySource {

        private final Map<ConfigurationPropertyName, ConfigurationProperty> lists;

        private final ConfigurationPropertySource readFrom;

        ListSource(Map<ConfigurationPropertyName, ConfigurationProperty> lists, ConfigurationPropertySource readFrom) {
            this.lists = lists;
            this.readFrom = readFrom;
        }

        @Override
        public Stream<ConfigurationPropertyName> stream() {
            return this.lists.keySet().stream();
        }

        @Override
        public @Nullable ConfigurationProperty getConfigurationProperty(ConfigurationPropertyName name) {
            return this.lists.get(name);
        }

        @Override
        public @Nullable Object getUnderlyingSource() {
            return this.readFrom.getUnderlyingSource();
        }
    }

    /**
     * A source with the elements of the lists offered whole left out of its names. Values are still read from the
     * source itself: the binder asks for an element only of a list that no earlier source sets, and these lists are
     * set by the {@link ListSource} just before.
     */
    private static final class NamesSource implements IterableConfigurationPropertySource {

        private final List<ConfigurationPropertyName> names;

        private final IterableConfigurationPropertySource source;

        NamesSource(List<ConfigurationPropertyName> names, IterableConfigurationPropertySource source) {
            this.names = names;
            this.source = source;
        }

        @Override
        public Stream<ConfigurationPropertyName> stream() {
            return this.names.stream();
        }

        @Override
        public @Nullable ConfigurationProperty getConfigurationProperty(ConfigurationPropertyName name) {
            return this.source.getConfigurationProperty(name);
        }

        @Override
        public @Nullable Object getUnderlyingSource() {
            return this.source.getUnderlyingSource();
        }
    }
}
