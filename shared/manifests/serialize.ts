/**
 * `kubectl get -o yaml` style output (sigs.k8s.io/yaml over go-yaml v2): keys in the order
 * given, lists not indented under their key, no line folding, and YAML 1.1 quoting so that a
 * string like "yes" or "0755" stays a string when read back.
 */
import { stringify } from 'yaml';

export function serializeYaml(obj: unknown): string {
  return stringify(obj, { indentSeq: false, lineWidth: 0, minContentWidth: 0, version: '1.1', aliasDuplicateObjects: false });
}
