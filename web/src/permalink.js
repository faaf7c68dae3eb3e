// The map's state in the URL hash, so a planner can send a colleague exactly what they see:
//   #map=<zoom>/<lon>/<lat>&layers=<key,…>&basemap=<name>&lang=<zh|en>&q=<query JSON>&stats=<statistics scope>
//   (&cat=<layer>:<property>,… imported layers coloured by category)

export function readPermalink() {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const state = {};
  const map = params.get('map');
  if (map) {
    const [zoom, lon, lat] = map.split('/').map(Number);
    if ([zoom, lon, lat].every(Number.isFinite)) state.view = { zoom, center: [lon, lat] };
  }
  if (params.has('layers')) state.layers = params.get('layers').split(',').filter(Boolean);
  if (params.has('basemap')) state.basemap = params.get('basemap');
  if (params.has('lang')) state.lang = params.get('lang');
  if (params.has('stats')) state.stats = params.get('stats');
  // Parameters of feature modules (compare …), read by them.
  state.params = params;
  if (params.has('q')) {
    try { state.query = JSON.parse(params.get('q')); } catch { /* a hand-edited link: ignore the query */ }
  }
  return state;
}

export function writePermalink({ zoom, center, layers, basemap, lang, query, stats, extra = {} }) {
  const params = new URLSearchParams();
  params.set('map', `${zoom.toFixed(2)}/${center[0].toFixed(5)}/${center[1].toFixed(5)}`);
  params.set('layers', layers.join(','));
  params.set('basemap', basemap);
  params.set('lang', lang);
  if (query) params.set('q', JSON.stringify(query));
  if (stats) params.set('stats', stats);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const hash = `#${params.toString()}`;
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
  return window.location.href;
}
