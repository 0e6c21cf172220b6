// The playground: one card per scenario. Running one sends its requests, then shows what the browser let the script
// see, what the server's request log received, and what GET /actuator/cors/check says about it.
'use strict';

const JSON_BODY = { 'Content-Type': 'application/json' };

// {other} stands for the other origin, which depends on the configured port.
const SCENARIOS = [
  {
    id: 'simple-get',
    title: 'Simple GET',
    policy: 'public',
    lesson: 'A GET without headers of its own is a <em>simple request</em>: the browser sends it at once, then lets '
      + 'the script read the answer only if <code>Access-Control-Allow-Origin</code> admits this page. The public '
      + 'policy answers <code>*</code>.',
    steps: [{ method: 'GET', path: '/public/greeting' }],
  },
  {
    id: 'exposed-header',
    title: 'GET reading a response header',
    policy: 'partner-api',
    lesson: 'Scripts see only the safelisted response headers and those listed in '
      + '<code>Access-Control-Expose-Headers</code>. The API sends <code>X-Request-Id</code> and '
      + '<code>X-Served-By</code>; the partner policy exposes only the first, so the script reads null for the other.',
    steps: [{ method: 'GET', path: '/api/orders/42', read: ['X-Request-Id', 'X-Served-By'] }],
  },
  {
    id: 'json-post',
    title: 'JSON POST',
    policy: 'partner-api',
    lesson: '<code>Content-Type: application/json</code> is not one of the three form types, so the browser first '
      + 'sends an <code>OPTIONS</code> preflight asking for <code>POST</code> and <code>content-type</code>, and '
      + 'sends the POST only when the answer grants both.',
    steps: [{ method: 'POST', path: '/api/orders', headers: JSON_BODY,
      body: '{"item":"Coffee beans","quantity":2}' }],
  },
  {
    id: 'put-delete',
    title: 'PUT and DELETE',
    policy: 'partner-api',
    lesson: 'Only GET, HEAD and POST are simple methods. PUT and DELETE each get a preflight, and '
      + '<code>allowed-methods</code> must name them.',
    steps: [
      { method: 'PUT', path: '/api/orders/42', headers: JSON_BODY, body: '{"item":"Coffee beans","quantity":3}' },
      { method: 'DELETE', path: '/api/orders/42' },
    ],
  },
  {
    id: 'custom-header',
    title: 'A custom request header',
    policy: 'partner-api',
    lesson: 'A header of your own is never safelisted: the preflight names <code>x-client-version</code> in '
      + '<code>Access-Control-Request-Headers</code>, and the policy must list it in <code>allowed-headers</code>.',
    steps: [{ method: 'GET', path: '/api/orders', headers: { 'X-Client-Version': '2.1' } }],
  },
  {
    id: 'authorization',
    title: 'Authorization header',
    policy: 'partner-api',
    lesson: '<code>Authorization</code> always needs a preflight and an explicit grant: browsers never let '
      + '<code>Access-Control-Allow-Headers: *</code> cover it. The partner policy lists it.',
    steps: [{ method: 'GET', path: '/api/me', headers: { Authorization: 'Bearer sample-token' } }],
  },
  {
    id: 'credentials-partner',
    title: 'Session cookie, credentialed policy',
    policy: 'partner-api',
    lesson: 'With <code>credentials: \'include\'</code> the browser stores the cookies the API sets and sends '
      + 'them back. The partner policy answers with this page\'s origin and '
      + '<code>Access-Control-Allow-Credentials: true</code>, so the cookie set by <code>POST /api/session</code> '
      + 'comes back with <code>GET /api/me</code>.',
    steps: [
      { method: 'POST', path: '/api/session', credentials: 'include' },
      { method: 'GET', path: '/api/me', credentials: 'include' },
    ],
  },
  {
    id: 'credentials-wildcard',
    title: 'Session cookie, wildcard policy',
    policy: 'public',
    lesson: 'The same <code>credentials: \'include\'</code> against the public policy. The request goes out, with '
      + 'the session cookie once you have signed in above, but the answer says '
      + '<code>Access-Control-Allow-Origin: *</code>, which browsers never hand to a script that sent credentials. '
      + 'The policy admits the origin: it is the browser that refuses.',
    steps: [{ method: 'GET', path: '/public/greeting', credentials: 'include' }],
  },
  {
    id: 'admin',
    title: 'A stricter policy on a more specific path',
    policy: 'admin',
    lesson: '<code>/api/admin/**</code> is more specific than <code>/api/**</code>, so the admin policy alone '
      + 'decides, and it admits only <code>https://admin.example.com</code>. The GET is simple, so it is sent; the '
      + 'API refuses it with 403 and the browser hides the answer.',
    steps: [{ method: 'GET', path: '/api/admin/stats' }],
  },
  {
    id: 'disallowed-origin',
    title: 'A disallowed origin',
    policy: 'partner-api',
    from: 'other',
    lesson: 'A copy of this page, loaded invisibly from <code>{other}</code>, sends this request: same port, '
      + 'another host, so an origin that no policy admits. It asks for credentials, yet the log shows no session '
      + 'cookie: <code>127.0.0.1</code> is another site than <code>localhost</code>.',
    steps: [{ method: 'GET', path: '/api/orders/42', credentials: 'include' }],
  },
];

let settings;
let probeCount = 0;
let messageCount = 0;
let otherWindow;

document.addEventListener('DOMContentLoaded', async () => {
  settings = await (await fetch('/playground/settings')).json();
  showSettings();
  const list = document.getElementById('scenarios');
  const summary = document.querySelector('#summary tbody');
  SCENARIOS.forEach((scenario, index) => {
    list.append(card(scenario, index + 1));
    summary.append(summaryRow(scenario, index + 1));
  });
  document.getElementById('run-all').addEventListener('click', runAll);
  document.body.dataset.ready = 'true';
});

function showSettings() {
  const values = { apiPort: port(settings.apiOrigin), pagePort: port(settings.pageOrigin),
    otherOrigin: settings.otherOrigin };
  document.querySelectorAll('[data-setting]').forEach((element) => {
    element.textContent = values[element.dataset.setting];
  });
  document.getElementById('served').replaceChildren(
    fact('This page', settings.pageOrigin), fact('The API', settings.apiOrigin), fact('Served by', settings.stack));
  if (location.origin !== settings.pageOrigin) {
    const notice = document.getElementById('wrong-origin');
    notice.innerHTML = `This page is meant to be opened at <a href="${settings.pageOrigin}/">${settings.pageOrigin}</a>. `
      + `From ${location.origin} the scenarios do not show what they describe.`;
    notice.hidden = false;
  }
}

function fact(label, value) {
  const span = element('span', 'fact');
  span.append(element('span', 'label', label), element('code', '', value));
  return span;
}

function card(scenario, number) {
  const article = element('article', 'scenario');
  article.id = 'scenario-' + scenario.id;
  article.dataset.state = 'idle';
  const header = element('header');
  const title = element('h3', '', `${number}. ${scenario.title}`);
  const chips = element('span', 'chips');
  chips.append(element('span', 'chip policy', scenario.policy));
  if (scenario.from === 'other') {
    chips.append(element('span', 'chip origin', 'from ' + settings.otherOrigin));
  }
  header.append(title, chips);
  const lesson = element('p', 'lesson');
  lesson.innerHTML = fill(scenario.lesson);
  const button = element('button', 'run', 'Run');
  button.type = 'button';
  button.addEventListener('click', () => run(scenario));
  const outcome = element('span', 'outcome');
  const actions = element('div', 'actions');
  actions.append(button, outcome);
  article.append(header, lesson, actions, element('div', 'steps'));
  return article;
}

function summaryRow(scenario, number) {
  const tableRow = element('tr');
  tableRow.id = 'summary-' + scenario.id;
  const link = element('a', '', `${number}. ${scenario.title}`);
  link.href = '#scenario-' + scenario.id;
  const name = element('td');
  name.append(link);
  const policy = element('td');
  policy.append(element('span', 'chip policy', scenario.policy));
  tableRow.append(name, policy, element('td', 'preflight', '–'), element('td', 'verdict', '–'),
    element('td', 'reason', '–'));
  return tableRow;
}

function summarize(scenario, views) {
  const tableRow = document.getElementById('summary-' + scenario.id);
  const cell = (name) => tableRow.querySelector('td.' + name);
  cell('preflight').textContent = views.map((view) => (view.dataset.preflight === 'sent') ? 'sent' : 'none')
    .join(' · ');
  cell('verdict').replaceChildren(...views.map((view) => element('span', 'badge ' + view.dataset.verdict,
    `${view.dataset.method} ${view.dataset.verdict}`)));
  cell('reason').replaceChildren(...views.map((view) => (view.dataset.reason === 'unavailable')
    ? element('span', 'muted', 'unavailable')
    : element('span', 'badge reason ' + ((view.dataset.reason === 'ALLOWED') ? 'read' : 'blocked'),
      view.dataset.reason)));
}

async function runAll() {
  const button = document.getElementById('run-all');
  button.disabled = true;
  for (const scenario of SCENARIOS) {
    await run(scenario);
  }
  button.disabled = false;
}

async function run(scenario) {
  const article = document.getElementById('scenario-' + scenario.id);
  const button = article.querySelector('button.run');
  const steps = article.querySelector('.steps');
  const outcome = article.querySelector('.outcome');
  button.disabled = true;
  article.dataset.state = 'running';
  steps.replaceChildren();
  outcome.replaceChildren();
  const origin = (scenario.from === 'other') ? settings.otherOrigin : settings.pageOrigin;
  const views = [];
  for (const step of scenario.steps) {
    const probe = `${scenario.id}-${Date.now().toString(36)}-${++probeCount}`;
    const result = (scenario.from === 'other') ? await sendFromOtherOrigin(probe, step)
      : await sendRequest(settings.apiOrigin, probe, step);
    const received = await (await fetch('/playground/requests/' + encodeURIComponent(probe))).json();
    const check = await explain(step, origin);
    const view = stepView(step, origin, result, received, check);
    views.push(view);
    steps.append(view);
    outcome.append(element('span', 'badge ' + result.verdict, `${step.method} ${result.verdict}`));
  }
  summarize(scenario, views);
  article.dataset.state = 'done';
  button.disabled = false;
  button.textContent = 'Run again';
}

function stepView(step, origin, result, received, check) {
  const preflights = received.filter((request) => request.preflight);
  const actual = received.filter((request) => !request.preflight);
  const view = element('div', 'step');
  view.dataset.method = step.method;
  view.dataset.verdict = result.verdict;
  view.dataset.preflight = preflights.length ? 'sent' : 'not-sent';
  view.dataset.arrived = actual.length ? 'yes' : 'no';
  view.dataset.cookies = actual.flatMap((request) => request.cookies).join(',');
  view.dataset.reason = check.reason || 'unavailable';
  if (result.status !== undefined) {
    view.dataset.status = String(result.status);
  }
  const request = element('pre', 'request');
  request.append(element('code', '', code(step, origin)));
  const facts = element('dl', 'facts');
  row(facts, 'Preflight', preflightText(preflights), 'preflight');
  row(facts, 'Server received', arrivalText(actual, preflights), 'arrival');
  row(facts, 'Browser', verdictView(result), 'verdict');
  row(facts, 'Why', explanationView(check, result), 'explanation');
  view.append(request, facts);
  return view;
}

function preflightText(preflights) {
  if (!preflights.length) {
    return 'Not sent: a simple request goes out at once.';
  }
  return preflights.map((request) => `Sent: OPTIONS ${request.path} asking for ${request.requestMethod}`
    + (request.requestHeaders ? ` with headers ${request.requestHeaders}` : '')).join('; ');
}

function arrivalText(actual, preflights) {
  if (!actual.length) {
    return preflights.length ? 'Nothing after the preflight: the browser did not send the request itself.'
      : 'Nothing arrived.';
  }
  return actual.map((request) => `${request.method} ${request.path} from ${request.origin || 'no Origin'}, `
    + (request.cookies.length ? 'cookies: ' + request.cookies.join(', ') : 'no cookies')).join('; ');
}

function verdictView(result) {
  const view = element('div');
  if (result.verdict === 'read') {
    view.append(element('span', 'badge read', 'read'), ` ${result.status} ${result.statusText}`);
    for (const [name, value] of Object.entries(result.headers)) {
      const header = element('div', 'header', `${name}: ${value === null ? 'null (not readable)' : value}`);
      header.dataset.name = name;
      view.append(header);
    }
    if (result.body) {
      view.append(element('pre', 'body', readable(result.body)));
    }
  }
  else if (result.verdict === 'blocked') {
    view.append(element('span', 'badge blocked', 'blocked'), ` ${result.error}. `,
      element('span', 'muted', 'The script learns nothing more; the Console says why.'));
  }
  else {
    view.append(element('span', 'badge error', 'not run'), ' ' + result.error);
  }
  return view;
}

function explanationView(check, result) {
  const view = element('div');
  if (check.unavailable) {
    view.append(element('span', 'muted', 'Explanation unavailable: ' + check.unavailable + '.'));
    return view;
  }
  view.append(element('span', 'badge reason ' + (check.allowed ? 'read' : 'blocked'), check.reason), ' ');
  if (check.policy) {
    view.append(element('span', 'chip policy', check.policy), ' ');
  }
  view.append(element('span', 'text', check.explanation));
  if (check.hint) {
    view.append(element('div', 'hint', check.hint));
  }
  if (check.allowed && result.verdict === 'blocked') {
    view.append(element('div', 'hint', 'The policy allows this request, and still the browser refused the '
      + 'answer: the description above says why.'));
  }
  return view;
}

// Asks the cors endpoint how the API decides this request; the page degrades to a notice when it cannot.
async function explain(step, origin) {
  const parameters = new URLSearchParams({ path: step.path, origin, method: step.method });
  const names = Object.keys(step.headers || {});
  const custom = names.filter((name) => name.toLowerCase() !== 'content-type');
  if (custom.length) {
    parameters.set('headers', custom.map((name) => name.toLowerCase()).join(','));
  }
  const contentType = names.find((name) => name.toLowerCase() === 'content-type');
  if (contentType) {
    parameters.set('contentType', step.headers[contentType]);
  }
  try {
    const response = await fetch(settings.apiOrigin + '/actuator/cors/check?' + parameters);
    if (!response.ok) {
      return { unavailable: `the cors endpoint answered ${response.status}` };
    }
    return await response.json();
  }
  catch (error) {
    return { unavailable: 'the cors endpoint could not be reached' };
  }
}

// The other origin is this page's port on 127.0.0.1, in a hidden frame that sends what it is asked to.
function otherOriginWindow() {
  if (!otherWindow) {
    otherWindow = new Promise((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.hidden = true;
      frame.title = 'The playground on another origin';
      frame.src = settings.otherOrigin + '/other-origin.html';
      const timer = setTimeout(() => reject(new Error(`the page on ${settings.otherOrigin} did not load`)), 10000);
      window.addEventListener('message', function ready(event) {
        if (event.origin === settings.otherOrigin && event.data && event.data.type === 'ready') {
          clearTimeout(timer);
          window.removeEventListener('message', ready);
          resolve(frame.contentWindow);
        }
      });
      document.body.append(frame);
    });
    otherWindow.catch(() => {
      otherWindow = undefined;
    });
  }
  return otherWindow;
}

async function sendFromOtherOrigin(probe, step) {
  let target;
  try {
    target = await otherOriginWindow();
  }
  catch (error) {
    return { verdict: 'error', error: error.message };
  }
  const id = ++messageCount;
  return new Promise((resolve) => {
    window.addEventListener('message', function answer(event) {
      if (event.origin === settings.otherOrigin && event.data && event.data.type === 'result'
          && event.data.id === id) {
        window.removeEventListener('message', answer);
        resolve(event.data.result);
      }
    });
    target.postMessage({ type: 'send', id, probe, step }, settings.otherOrigin);
  });
}

function code(step, origin) {
  const options = [];
  if (step.method !== 'GET') {
    options.push(`method: '${step.method}'`);
  }
  if (step.headers) {
    const headers = Object.entries(step.headers).map(([name, value]) => `'${name}': '${value}'`);
    options.push(`headers: { ${headers.join(', ')} }`);
  }
  if (step.body !== undefined) {
    options.push(`body: '${step.body}'`);
  }
  if (step.credentials) {
    options.push(`credentials: '${step.credentials}'`);
  }
  const call = `fetch('${settings.apiOrigin}${step.path}'` + (options.length ? `, {\n  ${options.join(',\n  ')}\n})` : ')');
  return `// from ${origin}\n${call}`;
}

// JSON on one line with a space after each comma and colon, so that it wraps between values.
function readable(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 1).replace(/\n\s*/g, ' ');
  }
  catch (error) {
    return body;
  }
}

function row(list, term, content, name) {
  const description = element('dd', name);
  description.append(content);
  list.append(element('dt', '', term), description);
}

function fill(text) {
  return text.replaceAll('{other}', settings.otherOrigin);
}

function port(origin) {
  return origin.substring(origin.lastIndexOf(':') + 1);
}

function element(tag, className, text) {
  const created = document.createElement(tag);
  if (className) {
    created.className = className;
  }
  if (text !== undefined) {
    created.textContent = text;
  }
  return created;
}
