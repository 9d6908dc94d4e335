// Renders API highlight HTML as text plus <mark> only: nothing from a document becomes markup.
function highlighted(html) {
  const fragment = document.createDocumentFragment();
  const decoder = document.createElement('textarea');
  const decode = (s) => ((decoder.innerHTML = s), decoder.value);
  html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((part) => {
    if (part.startsWith('<mark>')) {
      const mark = document.createElement('mark');
      mark.textContent = decode(part.slice(6, -7));
      fragment.append(mark);
    } else if (part) fragment.append(decode(part));
  });
  return fragment;
}

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const status = document.getElementById('status');
const results = document.getElementById('results');

async function run(q) {
  status.textContent = 'Searching…';
  results.replaceChildren();
  try {
    const response = await fetch(`/api/v1/search?${new URLSearchParams({ q })}`);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
    status.textContent = `${body.total} results in ${body.took_ms} ms`;
    for (const hit of body.hits) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = hit.link;
      a.append(highlighted(hit.highlight.title));
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = [hit.source, hit.published_at?.slice(0, 10), hit.lang.toUpperCase()]
        .filter(Boolean)
        .join(' · ');
      const p = document.createElement('p');
      p.append(highlighted(hit.highlight.snippet));
      li.append(a, meta, p);
      results.append(li);
    }
  } catch (error) {
    status.textContent = `Search failed: ${error.message}`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value.trim();
  history.pushState(null, '', `?${new URLSearchParams({ q })}`);
  run(q);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  run(initial);
}
