// The home page: the list of participating platforms, from the hub, with a calm empty state.

import { data, el, t } from './common.js';

const state = document.getElementById('platforms-state');
const list = document.getElementById('platforms-list');

async function loadPlatforms() {
  state.textContent = t('home-platforms-loading');
  let names;
  try {
    const response = await fetch(data.api.platforms, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) throw new Error(String(response.status));
    const body = await response.json();
    names = (Array.isArray(body.platforms) ? body.platforms : [])
      .map((platform) => (platform && typeof platform.name === 'string' ? platform.name.trim() : ''))
      .filter(Boolean);
  } catch {
    state.textContent = t('home-platforms-error');
    return;
  }
  if (names.length === 0) {
    state.textContent = t('home-platforms-empty');
    return;
  }
  list.replaceChildren(...names.map((name) => el('li', { text: name })));
  list.hidden = false;
  state.textContent = '';
  state.hidden = true;
}

loadPlatforms();
