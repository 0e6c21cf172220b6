package io.corsboot.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.ResolvableType;

/**
 * The keys that {@link CorsProperties} declares under {@code cors}, read from its fields, so that the report of an
 * unknown key and its suggestions follow the declaration.
 */
final class DeclaredKeys {

    private DeclaredKeys() {
    }

    /**
     * Where a name under {@code cors} leaves the declaration: the first element that no property declares, and the
     * keys declared beside it; null when every element is declared.
     */
    static @Nullable Undeclared undeclared(ConfigurationPropertyName name) {
        Class<?> group = CorsProperties.class;
        int index = 1;
        while (index < name.getNumberOfElements()) {
            Field field = field(group, name.getElement(index, Form.UNIFORM));
            if (field == null) {
                return new Undeclared(name.getElement(index, Form.DASHED), keys(group));
            }
            index++;
            Class<?> type = field.getType();
            if (Map.class.isAssignableFrom(type)) {
                // The element after a map is a key, such as a policy's name.
                index++;
                type = ResolvableType.forField(field).asMap().resolveGeneric(1);
            }
            if (!isGroup(type)) {
                for (; index < name.getNumberOfElements(); index++) {
                    if (!name.isNumericIndex(index)) {
                        return new Undeclared(name.getElement(index, Form.DASHED), keys(group));
                    }
                }
                return null;
            }
            group = type;
        }
        return null;
    }

    /** The keys of a group of settings, dashed, in the order of declaration, those of a superclass first. */
    static List<String> keys(Class<?> group) {
        List<String> keys = new ArrayList<>();
        for (Field field : fields(group)) {
            keys.add(DataObjectPropertyName.toDashedForm(field.getName()));
        }
        return keys;
    }

    private static @Nullable Field field(Class<?> group, String uniformElement) {
        for (Field field : fields(group)) {
            if (DataObjectPropertyName.toDashedForm(field.getName()).replace("-", "").equals(uniformElement)) {
                return field;
            }
        }
        return null;
    }

    // Fields in the order the class declares them, which the JDK keeps and the configuration processor follows too.
    private static List<Field> fields(Class<?> group) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> type = group; type != null && type != Object.class; type = type.getSuperclass()) {
            hierarchy.push(type);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> type : hierarchy) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())
                        && BeanUtils.getPropertyDescriptor(group, field.getName()) != null) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    // The groups are the nested classes of CorsProperties; anything else is a value.
    private static boolean isGroup(@Nullable Class<?> type) {
        return type == CorsProperties.class || (type != null && type.getDeclaringClass() == CorsProperties.class);
    }

    /**
     * An element that the declaration does not know.
     *
     * @param element the element, dashed, such as {@code allowed-origin}
     * @param keys the keys declared where it appears
     */
    record Undeclared(String element, List<String> keys) {
    }
}
