package dev.hydra4j.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * hydra4j's checker against networknt's on the keywords it claims to check: both must accept or
 * refuse each instance alike.
 */
class SchemaValidatorTest {

  private static ConfigMap tree(String json) {
    return ConfigFiles.parse(json, "case.yaml").root();
  }

  @ParameterizedTest(name = "{0} | {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {"properties": {"a": {"type": "integer"}}}                         | {"a": 1}
      {"properties": {"a": {"type": "integer"}}}                         | {"a": 1.5}
      {"properties": {"a": {"type": "integer"}}}                         | {"a": 2.0}
      {"properties": {"a": {"type": "number"}}}                          | {"a": 2}
      {"properties": {"a": {"type": ["string", "null"]}}}                | {"a": null}
      {"properties": {"a": {"type": ["string", "null"]}}}                | {"a": true}
      {"required": ["a", "b"]}                                           | {"a": 1}
      {"properties": {"a": {}}, "additionalProperties": false}           | {"a": 1, "b": 2}
      {"additionalProperties": {"type": "string"}}                       | {"a": "x", "b": 2}
      {"patternProperties": {"^x_": {"type": "integer"}}, "additionalProperties": false} | {"x_1": 1, "x_2": 2}
      {"patternProperties": {"^x_": {"type": "integer"}}, "additionalProperties": false} | {"x_1": 1, "y": 2}
      {"properties": {"a": {"enum": [1, "one", null]}}}                  | {"a": 1.0}
      {"properties": {"a": {"enum": [1, "one", null]}}}                  | {"a": "two"}
      {"properties": {"a": {"const": [1, 2]}}}                           | {"a": [1, 2]}
      {"properties": {"a": {"minimum": 0, "exclusiveMaximum": 1}}}       | {"a": 1}
      {"properties": {"a": {"minimum": 0, "exclusiveMaximum": 1}}}       | {"a": 0}
      {"properties": {"a": {"multipleOf": 0.5}}}                         | {"a": 2.5}
      {"properties": {"a": {"multipleOf": 0.5}}}                         | {"a": 2.4}
      {"properties": {"a": {"pattern": "^[a-z]+$", "maxLength": 3}}}    | {"a": "abcd"}
      {"properties": {"a": {"pattern": "^[a-z]+$", "minLength": 2}}}    | {"a": "ab"}
      {"properties": {"a": {"items": {"type": "integer"}, "minItems": 2}}} | {"a": [1, 2, 3]}
      {"properties": {"a": {"items": {"type": "integer"}, "maxItems": 2}}} | {"a": [1, 2, 3]}
      {"properties": {"a": {"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}}} | {"a": ["x", 1, 2]}
      {"properties": {"a": {"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}}} | {"a": [1, 1]}
      {"properties": {"a": {"uniqueItems": true}}}                       | {"a": [1, 2, 1]}
      {"properties": {"a": {"anyOf": [{"type": "string"}, {"minimum": 3}]}}} | {"a": 2}
      {"properties": {"a": {"oneOf": [{"type": "integer"}, {"minimum": 3}]}}} | {"a": 5}
      {"properties": {"a": {"oneOf": [{"type": "integer"}, {"minimum": 3}]}}} | {"a": 5.5}
      {"properties": {"a": {"allOf": [{"type": "integer"}, {"maximum": 3}]}}} | {"a": 4}
      {"properties": {"a": {"not": {"type": "string"}}}}                 | {"a": "s"}
      {"properties": {"a": {"if": {"type": "integer"}, "then": {"minimum": 10}, "else": {"type": "string"}}}} | {"a": 5}
      {"properties": {"a": {"if": {"type": "integer"}, "then": {"minimum": 10}, "else": {"type": "string"}}}} | {"a": "x"}
      {"$defs": {"pos": {"type": "integer", "minimum": 1}}, "properties": {"a": {"$ref": "#/$defs/pos"}}} | {"a": 0}
      {"$defs": {"pos": {"type": "integer", "minimum": 1}}, "properties": {"a": {"$ref": "#/$defs/pos"}}} | {"a": 3}
      {"properties": {"a": false}}                                       | {"a": 1}
      {"minProperties": 2}                                               | {"a": 1}
      """)
  void agreesWithNetworknt(String schema, String instance) {
    boolean theirs =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schema, InputFormat.JSON)
            .validate(instance, InputFormat.JSON)
            .isEmpty();
    SchemaValidator ours = new SchemaValidator(tree(schema));
    List<SchemaValidator.Violation> violations = ours.validate(tree(instance));
    assertEquals(theirs, violations.isEmpty(), violations.toString());
    assertEquals(java.util.Set.of(), ours.unchecked());
  }

  @Test
  void aMalformedKeywordIsBadInputWithTheSchemasLine() {
    SchemaValidator validator =
        new SchemaValidator(tree("{\"properties\":\n {\"a\": {\"pattern\": \"(\"}}}"));
    ConfigException e =
        assertThrows(ConfigException.class, () -> validator.validate(tree("{\"a\": \"x\"}")));
    assertEquals("The schema's 'pattern' is not valid JSON Schema", e.getMessage());
    assertEquals(2, e.origin().line());
  }

  @Test
  void eachViolationNamesTheNestedKeyAndItsLine() {
    SchemaValidator validator =
        new SchemaValidator(
            tree(
                """
        {"properties": {"layers": {"items": {"properties": {"size": {"type": "integer"}}}}}}"""));
    List<SchemaValidator.Violation> v =
        validator.validate(tree("layers:\n  - size: 3\n  - size: big\n"));
    assertEquals(1, v.size());
    assertEquals("layers[1].size", v.get(0).key());
    assertEquals(3, v.get(0).origin().line());
    assertTrue(v.get(0).message().startsWith("expected integer, got \"big\""), v.get(0).message());
  }
}
