import { cqlString } from './cql.js';

// The attribute table's filter row → one CQL2 text expression. Each column's widgets give a
// condition (text: equals or like; numbers and dates: a range; yes/no); the conditions are joined
// by AND. Property names are written as CQL2 quoted identifiers (an imported layer's may be
// Chinese); values as CQL2 literals: the server parses the text and binds every value.

/** The kind of filter a queryable gets, from its JSON Schema. */
export function columnKind(schema = {}) {
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'datetime';
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'string') return 'text';
  return null;   // geometry and anything the table cannot filter on
}

// The names come from the collection's queryables (CQL2 has no escape inside a quoted name).
export function cqlProperty(name) {
  return `"${name}"`;
}

function cqlNumber(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${value}`);
  return String(n);
}

function cqlDate(value, kind, end) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`not a date: ${value}`);
  if (kind === 'date') return `DATE('${value}')`;
  return `TIMESTAMP('${value}T${end ? '23:59:59' : '00:00:00'}Z')`;
}

const given = (v) => v !== undefined && v !== null && String(v).trim() !== '';

/**
 * @param columns [{name, kind}]
 * @param values  name → {op: 'eq'|'like', text, min, max, bool}
 */
export function tableFilter(columns, values) {
  const parts = [];
  for (const { name, kind } of columns) {
    const v = values[name];
    if (!v) continue;
    const p = cqlProperty(name);
    if (kind === 'text' && given(v.text)) {
      const text = String(v.text).trim();
      if (v.op === 'like') {
        // A pattern the planner wrote with % or _ is taken as written; a plain word is looked for anywhere.
        parts.push(`${p} LIKE ${cqlString(/[%_]/.test(text) ? text : `%${text}%`)}`);
      } else {
        parts.push(`${p} = ${cqlString(text)}`);
      }
    } else if (kind === 'number') {
      if (given(v.min)) parts.push(`${p} >= ${cqlNumber(v.min)}`);
      if (given(v.max)) parts.push(`${p} <= ${cqlNumber(v.max)}`);
    } else if (kind === 'date' || kind === 'datetime') {
      if (given(v.min)) parts.push(`${p} >= ${cqlDate(v.min, kind, false)}`);
      if (given(v.max)) parts.push(`${p} <= ${cqlDate(v.max, kind, true)}`);
    } else if (kind === 'boolean' && (v.bool === 'true' || v.bool === 'false')) {
      parts.push(`${p} = ${v.bool.toUpperCase()}`);
    }
  }
  return parts.join(' AND ');
}
