import { t } from './i18n.js';

/**
 * 《title》（document number，date），line N — the document a quote is from, as gis-data's source
 * table names it; the file name (kept in the data) follows in small print.
 */
export function citation(s) {
  const sep = t('identify.sep');
  const parts = [];
  if (s.title) {
    const meta = [s.doc_number, s.date].filter(Boolean).join(sep);
    parts.push(`《${String(s.title).replace(/《/g, '〈').replace(/》/g, '〉')}》${meta ? t('identify.meta', { meta }) : ''}`);
  } else if (s.file) {
    parts.push(s.file);
  }
  if (s.line !== undefined && s.line !== null) parts.push(t('identify.line', { line: s.line }));
  if (s.published_in) parts.push(t('identify.publishedIn', { title: s.published_in }));
  return parts.join(sep);
}
