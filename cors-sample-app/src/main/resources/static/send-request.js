// Sends one scenario request with fetch and reports what the script was allowed to see: the playground page and
// its copy on the other origin both use it, so both report the browser's verdict the same way.
'use strict';

/**
 * @param {string} apiOrigin where the API listens
 * @param {string} probe a fresh id, sent as ?probe=..., by which the server's request log finds this request
 * @param {{method: string, path: string, headers?: Object<string, string>, body?: string,
 *          credentials?: string, read?: string[]}} step the request to send
 * @returns {Promise<{verdict: string, status?: number, statusText?: string, body?: string,
 *          headers?: Object<string, ?string>, error?: string}>}
 */
async function sendRequest(apiOrigin, probe, step) {
  const url = apiOrigin + step.path + (step.path.includes('?') ? '&' : '?') + 'probe=' + encodeURIComponent(probe);
  const init = { method: step.method, headers: step.headers || {} };
  if (step.credentials) {
    init.credentials = step.credentials;
  }
  if (step.body !== undefined) {
    init.body = step.body;
  }
  let response;
  try {
    response = await fetch(url, init);
  }
  catch (error) {
    // All a script learns from a CORS failure: the reason is only in the browser's console.
    return { verdict: 'blocked', error: String(error) };
  }
  const headers = {};
  for (const name of step.read || []) {
    headers[name] = response.headers.get(name);
  }
  return { verdict: 'read', status: response.status, statusText: response.statusText,
    body: await response.text(), headers };
}
