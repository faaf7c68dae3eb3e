// The server's OGC API – Features, as the page uses it. Everything is same-origin.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.detail || body?.title || response.statusText);
  }
  return body;
}

export async function getJson(url, { signal } = {}) {
  // X-Planview-Page: a 401 then comes without a Basic challenge (no browser password dialog over the page's own sign-in).
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json', 'X-Planview-Page': '1' }, signal });
  return readJson(response);
}

export async function fetchConfig() {
  try {
    return await getJson('/config.json');
  } catch {
    return { tianditu: { enabled: false }, landUseClasses: [] };
  }
}

export async function fetchCollections() {
  const body = await getJson('/collections?f=json');
  return body.collections || [];
}

export function itemsUrl(collectionId, params = {}) {
  const query = new URLSearchParams({ f: 'json' });
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  return `/collections/${encodeURIComponent(collectionId)}/items?${query}`;
}

export async function fetchItems(collectionId, params = {}, options = {}) {
  return getJson(itemsUrl(collectionId, params), options);
}

/** Every feature of a small collection, following `next` links. */
export async function fetchAllItems(collectionId, params = {}, maxFeatures = 20000) {
  let url = itemsUrl(collectionId, { limit: 1000, ...params });
  const features = [];
  while (url && features.length < maxFeatures) {
    const page = await getJson(url);
    features.push(...(page.features || []));
    const next = (page.links || []).find((l) => l.rel === 'next');
    url = next && page.features?.length ? next.href : null;
  }
  return { type: 'FeatureCollection', features };
}

/** One feature; {@code crs} (an EPSG code such as 4525) asks for its coordinates in that CRS, in its axis order. */
export async function fetchItem(collectionId, featureId, crs = null) {
  const inCrs = crs ? `&crs=${encodeURIComponent(`http://www.opengis.net/def/crs/EPSG/0/${crs}`)}` : '';
  return getJson(`/collections/${encodeURIComponent(collectionId)}/items/${encodeURIComponent(featureId)}?f=json${inCrs}`);
}

export async function fetchQueryables(collectionId) {
  try {
    return await getJson(`/collections/${encodeURIComponent(collectionId)}/queryables?f=json`);
  } catch {
    return null;
  }
}

export function tilesUrlTemplate(collectionId) {
  return `/collections/${encodeURIComponent(collectionId)}/tiles/WebMercatorQuad/{z}/{y}/{x}`;
}

export function exportUrl(collectionId, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  return `/collections/${encodeURIComponent(collectionId)}/export?${query}`;
}

/** Count and sums of numeric properties over an items query, added up by the server. */
export async function fetchTotals(collectionId, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  return getJson(`/web/collections/${encodeURIComponent(collectionId)}/totals?${query}`);
}
