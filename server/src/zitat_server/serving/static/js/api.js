// Calls to the server's JSON API (/v1/…) and the messages its errors become for a reader.

const TOKEN_KEY = "zitat.token";

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

// An answer other than 200: the HTTP status and the google.rpc.Status the server sent.
export class ApiError extends Error {
  constructor(http, status) {
    super((status && status.message) || `HTTP ${http}`);
    this.http = http;
    this.code = status ? status.code || 0 : 0;
    this.violations = [];
    for (const d of (status && status.details) || []) {
      if (d["@type"] === "type.googleapis.com/google.rpc.BadRequest") this.violations.push(...(d.fieldViolations || []));
    }
  }
}

function headers(json) {
  const h = { Accept: "application/json" };
  if (json) h["Content-Type"] = "application/json";
  const token = getToken();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

// GET/POST/DELETE `path` with `query` parameters (empty ones left out) and a JSON `body`.
export async function call(method, path, { query = {}, body } = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  let response;
  try {
    response = await fetch(url, { method, headers: headers(body !== undefined), body: body && JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = { message: text.slice(0, 200) };
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

const BYTES = /(\d+) bytes; the limit is (\d+)/;

function bytes(n) {
  return `${n.toLocaleString("en")} bytes`;
}

export function tooLongMessage(size, limit) {
  return `The article is too long for this server: it is ${bytes(size)} (UTF-8), and the server takes at most ` +
    `${bytes(limit)} (zitat-server --max-document-bytes). Shorten it or split it into parts.`;
}

// What an error means for the person at the page, in one or two sentences.
export function describe(err) {
  if (!(err instanceof ApiError)) return `Something went wrong in this page: ${err.message || err}`;
  switch (err.http) {
    case 0:
      return "The server cannot be reached. Is zitat-server running, and is this the address it prints?";
    case 401:
      return "This server asks for an access token. Enter yours under “Access token” at the top of the page.";
    case 403:
      return "Your access token does not allow this (reading needs a read token, changes a write token).";
    case 503:
      return "The server is not ready yet (it loads its models at start, or is shutting down). Try again in a moment.";
    case 504:
      return "The server took too long to answer. Try a shorter article, or try again later.";
    case 429:
      return "The server is busy. Try again in a moment.";
    case 413: {
      const m = BYTES.exec(err.message);
      return m ? `The request is too large: ${bytes(+m[1])}; the limit is ${bytes(+m[2])}.` : err.message;
    }
    default:
      break;
  }
  if (err.violations.length) {
    return err.violations
      .map((v) => {
        const m = BYTES.exec(v.description || "");
        if (m && /text$/.test(v.field)) return tooLongMessage(+m[1], +m[2]);
        if (v.field.endsWith("text") && /empty/.test(v.description)) return "There is no text to analyse: paste an article first.";
        return `${v.field}: ${v.description}`;
      })
      .join(" ");
  }
  if (err.http === 404) return `Not found: ${err.message}`;
  return `The server answered ${err.http}: ${err.message}`;
}
