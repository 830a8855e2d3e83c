// An insurer for protocol chukei/1, written from docs/protocol.md, docs/test-vectors/ and conformance/README.md
// alone, outside the kit's assemblies. It plays kenpo-a.chukei.test. BUG=<name> switches on one seeded bug
// (bugs.json lists them); without it the insurer is meant to be correct.
//
//   node insurer.js [--port 0] [--relay-url http://127.0.0.1:5380] [--unknown-kid-interval-ms 10000] [--fall-through-notices]
//   env: PORT, RELAY_URL, UNKNOWN_KID_INTERVAL_MS, FALL_THROUGH_NOTICES=1, BUG=<name>
//
// On start it prints one line "listening http://127.0.0.1:<port>" on standard output.

import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as jose from 'jose';

// ---------------------------------------------------------------------------------------------------------------
// Configuration

const here = path.dirname(fileURLToPath(import.meta.url));
const vectors = path.resolve(here, '../../../docs/test-vectors');
const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'relay-url': { type: 'string' },
    'unknown-kid-interval-ms': { type: 'string' },
    'fall-through-notices': { type: 'boolean' },
    bug: { type: 'string' },
  },
});
const config = {
  port: Number(args.port ?? process.env.PORT ?? 0),
  relayUrl: (args['relay-url'] ?? process.env.RELAY_URL ?? 'http://127.0.0.1:5380').replace(/\/+$/, ''),
  unknownKidIntervalMs: Number(args['unknown-kid-interval-ms'] ?? process.env.UNKNOWN_KID_INTERVAL_MS ?? 10_000),
  fallThroughNotices: args['fall-through-notices'] ?? process.env.FALL_THROUGH_NOTICES === '1',
  bug: args.bug ?? process.env.BUG ?? '',
};
const knownBugs = JSON.parse(fs.readFileSync(path.join(here, 'bugs.json'), 'utf8')).bugs.map((b) => b.name);
if (config.bug && !knownBugs.includes(config.bug)) {
  console.error(`unknown BUG '${config.bug}'; known: ${knownBugs.join(', ')}`);
  process.exit(2);
}
const bug = (name) => config.bug === name;

const SELF = 'kenpo-a.chukei.test';
const MAX_BODY = 65_536;
const MAX_SEAL = 16_384;
const SKEW = 60;
const FORBIDDEN_HEADERS = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crit', 'zip', 'b64'];
const ITEMS = ['eligibility', 'benefits'];
// §7.1: purpose → requester roles allowed, items allowed.
const PURPOSES = {
  'ltc-medical-combined': { roles: ['ltc-insurer', 'medical-insurer'], items: ['eligibility', 'benefits'] },
  'childbirth-lump-sum': { roles: ['medical-insurer'], items: ['eligibility'] },
  'eligibility-check': { roles: ['clinic', 'medical-insurer', 'ltc-insurer'], items: ['eligibility'] },
};
if (bug('purpose-table-too-permissive')) PURPOSES['childbirth-lump-sum'].roles.push('ltc-insurer');
if (bug('purpose-table-too-strict')) PURPOSES['eligibility-check'].roles = ['clinic', 'medical-insurer'];

// §5.4: who may call what, at this insurer.
const ENDPOINTS = { '/v1/inquiries': ['medical-insurer', 'ltc-insurer', 'relay'] };
if (config.fallThroughNotices) ENDPOINTS['/v1/fall-through-notices'] = ['relay'];

// §10.3
const PROBLEMS = {
  'body-too-large': [413, 'ERR-003', 'The body exceeds the size limit (65 536 bytes)'],
  'json-too-deep': [400, 'ERR-004', 'The JSON nesting exceeds the depth limit (16)'],
  'invalid-field': [400, 'ERR-005', 'A field is missing, of the wrong type or invalid'],
  'unsupported-media-type': [415, 'AUTH-001', 'The body must be a signed envelope (application/jose)'],
  'not-found': [404, 'ERR-006', 'No such endpoint'],
  'internal-error': [500, 'ERR-007', 'The party failed to process the request; nothing was written'],
  'auth-malformed': [401, 'AUTH-001', 'The request envelope is not a well-formed compact JWS'],
  'auth-algorithm': [401, 'AUTH-002', 'The request envelope uses a forbidden algorithm or header (or a wrong typ)'],
  'auth-key-unknown': [401, 'AUTH-003', "The request envelope's kid names no key in the directory"],
  'auth-key-revoked': [401, 'AUTH-004', 'The request envelope is signed by a revoked key or party'],
  'auth-signature-invalid': [401, 'AUTH-003', "The request envelope's signature does not verify"],
  'auth-issuer-mismatch': [401, 'AUTH-006', "The envelope's iss is not the party that owns the signing key"],
  'auth-audience': [401, 'AUTH-007', 'The request envelope is addressed to another party'],
  'auth-expired': [401, 'AUTH-005', 'The request envelope has expired (or its lifetime exceeds 120 s)'],
  'auth-not-yet-valid': [401, 'AUTH-005', 'The request envelope is not yet valid'],
  'auth-replayed': [401, 'AUTH-008', "The request envelope's jti was already used"],
  'auth-target-mismatch': [401, 'AUTH-009', 'The envelope was signed for another method or path'],
  'role-not-allowed': [403, 'AUTH-011', "The caller's role may not call this endpoint"],
  'seal-malformed': [400, 'INS-011', 'The seal is not a well-formed compact JWE'],
  'seal-header-forbidden': [400, 'INS-012', 'The seal carries a forbidden or duplicated header'],
  'seal-encryption-algorithm': [400, 'INS-013', "The seal's key management or content encryption algorithm is not allowed"],
  'seal-recipient-key': [403, 'INS-014', 'The seal is not encrypted to a current key of this party'],
  'seal-decrypt-failed': [400, 'INS-015', 'The seal does not decrypt (tampered, wrong key or invalid curve point)'],
  'seal-not-nested': [400, 'INS-016', "The seal's plaintext is not a signed JWT"],
  'seal-signature-algorithm': [400, 'INS-017', "The seal's signature algorithm is not ES256"],
  'seal-type': [400, 'INS-018', "The seal's inner typ is not chukei-seal+jwt"],
  'seal-key-unknown': [403, 'INS-019', 'The seal is signed under a kid that is not a relay signing key'],
  'seal-key-revoked': [403, 'INS-020', 'The seal is signed by a revoked relay key'],
  'seal-signature-invalid': [403, 'INS-021', "The seal's signature does not verify"],
  'seal-claims': [400, 'INS-022', "The seal's claims are missing, duplicated or of the wrong type"],
  'seal-issuer': [403, 'INS-023', 'The seal was not issued by the relay'],
  'seal-audience': [403, 'INS-024', 'The seal is addressed to another party'],
  'seal-expired': [403, 'INS-025', 'The seal has expired (beyond the clock-skew allowance)'],
  'seal-not-yet-valid': [403, 'INS-026', 'The seal is not yet valid (beyond the clock-skew allowance)'],
  'seal-lifetime': [403, 'INS-027', "The seal's lifetime exceeds the maximum"],
  'seal-replayed': [403, 'INS-028', "The seal's jti was already presented"],
  'seal-requester-mismatch': [403, 'INS-029', 'The caller is not the requester the seal was issued for'],
  'purpose-not-allowed': [403, 'INS-030', "The purpose is not allowed for the requester's role"],
  'items-not-allowed': [403, 'INS-031', 'An item asked for is not allowed for the purpose'],
};

class Refusal extends Error {
  constructor(code, detail, field) {
    super(detail);
    this.code = code;
    this.field = field;
  }
}
const refuse = (code, detail, field) => { throw new Refusal(code, detail, field); };

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const nowSeconds = () => Math.floor(Date.now() / 1000);
const B64URL = /^[A-Za-z0-9_-]*$/;
const PARTY_ID = /^[a-z0-9][a-z0-9.-]{2,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function b64urlDecode(part) {
  if (!B64URL.test(part) || part.length % 4 === 1) return null;
  return Buffer.from(part, 'base64url');
}

/** The decoded JSON object of a base64url part, or null when it is not one. */
function decodeJsonPart(part) {
  const bytes = b64urlDecode(part);
  if (bytes === null) return null;
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let json;
  try {
    json = text.decode(bytes);
  } catch {
    return null;
  }
  return parseJson(json);
}

/**
 * Parses JSON and reports what JSON.parse hides: the nesting depth and the first repeated member name (as a JSON
 * Pointer). Returns null when the text is not JSON, otherwise { value, depth, duplicate }.
 */
function parseJson(text) {
  const depthAndDuplicate = scanJson(text);
  if (depthAndDuplicate.depth > 64) return { value: undefined, depth: depthAndDuplicate.depth, duplicate: null };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return { value, ...depthAndDuplicate };
}

function scanJson(text) {
  const stack = []; // { object, keys, key, index }
  let depth = 0;
  let duplicate = null;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.object && expectKey) {
        let key;
        try {
          key = JSON.parse(text.slice(i, j + 1));
        } catch {
          key = text.slice(i + 1, j);
        }
        if (top.keys.has(key) && duplicate === null) duplicate = pointer(stack, key);
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ object: c === '{', keys: new Set(), key: null, index: 0 });
      depth = Math.max(depth, stack.length);
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.object) expectKey = true;
      else if (top) top.index++;
    }
  }
  return { depth, duplicate };
}

function pointer(stack, lastKey) {
  const escape = (s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1');
  const segments = stack.slice(0, -1).map((level) => (level.object ? level.key : level.index));
  return '/' + [...segments, lastKey].map(escape).join('/');
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const present = (v) => v !== undefined && v !== null; // §1.5: null is absent

function isDate(s) {
  const m = typeof s === 'string' && DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function isCorrelationId(s) {
  if (typeof s !== 'string') return false;
  const chars = [...s];
  return chars.length >= 1 && chars.length <= 128 && !chars.some((ch) => /[\u0000-\u001f\u007f-\u009f]/.test(ch));
}

const todayInJapan = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const addDays = (date, days) => new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
const freshJti = () => crypto.randomBytes(16).toString('hex');

function verifyEs256(jwk, signingInput, signature) {
  if (signature === null || signature.length !== 64) return false;
  try {
    const key = crypto.createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
    return crypto.verify('sha256', Buffer.from(signingInput, 'ascii'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Keys and the directory (§3)

const published = JSON.parse(fs.readFileSync(path.join(vectors, 'keys.json'), 'utf8')).keys;
const ownPrivate = new Map(published.filter((k) => k.owner === SELF).map((k) => [k.kid, k.jwk]));

const directoryState = {
  // DIR-011: the published directory, configured out of band, is the first one held; its relay keys are the anchor.
  document: JSON.parse(fs.readFileSync(path.join(vectors, 'directory.json'), 'utf8')),
  lastUnknownKidFetch: 0,
  fetching: null,
};

const relayId = () => directoryState.document.relay;
const partyOf = (id) => directoryState.document.parties.find((p) => p.id === id);
const me = () => partyOf(SELF);

/** The key named by kid anywhere in the directory, with its owner. */
function findKey(kid) {
  for (const party of directoryState.document.parties) {
    for (const key of party.keys ?? []) if (key.kid === kid) return { party, key };
  }
  return null;
}

const keyRevoked = (found) => found.key.status === 'revoked' || found.party.revoked === true;

/** DIR-010, DIR-011, DIR-013: the payload of a directory JWS the held directory vouches for, or null. */
function verifyDirectory(token) {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  const header = decodeJsonPart(parts[0]);
  if (!header || !isObject(header.value) || header.duplicate || header.depth > 16) return null;
  const h = header.value;
  if (FORBIDDEN_HEADERS.some((m) => m in h) || h.alg !== 'ES256' || h.typ !== 'chukei-dir+jwt') return null;
  const found = findKey(h.kid);
  if (!bug('self-vouching-directory')) {
    if (!found || found.party.id !== relayId() || found.key.use !== 'sig' || keyRevoked(found)) return null;
    if (!verifyEs256(found.key, `${parts[0]}.${parts[1]}`, b64urlDecode(parts[2]))) return null;
  }
  const payload = decodeJsonPart(parts[1]);
  if (!payload || !isObject(payload.value) || payload.duplicate) return null;
  const doc = payload.value;
  if (bug('self-vouching-directory')) {
    // The new directory's own relay key checks the signature: a directory can introduce the key that vouches for it.
    const relay = (doc.parties ?? []).find((p) => p.id === doc.relay);
    const key = relay?.keys?.find((k) => k.kid === h.kid && k.use === 'sig' && k.status !== 'revoked');
    if (!key || !verifyEs256(key, `${parts[0]}.${parts[1]}`, b64urlDecode(parts[2]))) return null;
  }
  if (doc.protocol !== '1' || doc.relay !== relayId() || !Array.isArray(doc.parties) || typeof doc.issuedAt !== 'string') return null;
  const issued = Date.parse(doc.issuedAt);
  if (Number.isNaN(issued)) return null;
  if (!bug('older-directory-accepted') && issued < Date.parse(directoryState.document.issuedAt)) return null;
  const kids = doc.parties.flatMap((p) => (p.keys ?? []).map((k) => k.kid));
  if (new Set(kids).size !== kids.length) return null; // DIR-004
  return doc;
}

async function fetchDirectory() {
  if (bug('never-refreshes-directory')) return;
  if (directoryState.fetching) return directoryState.fetching;
  directoryState.fetching = (async () => {
    try {
      const answer = await fetch(`${config.relayUrl}/v1/directory`, { signal: AbortSignal.timeout(5000) });
      if (answer.status !== 200) return;
      const doc = verifyDirectory(await answer.text());
      if (doc) directoryState.document = doc;
    } catch {
      // keep the directory held
    } finally {
      directoryState.fetching = null;
    }
  })();
  return directoryState.fetching;
}

/** DIR-009: once more before refusing an unknown kid, at most once per interval. */
async function refreshForUnknownKid() {
  const now = Date.now();
  if (now - directoryState.lastUnknownKidFetch < config.unknownKidIntervalMs) return false;
  directoryState.lastUnknownKidFetch = now;
  await fetchDirectory();
  return true;
}

/** DIR-012: our public keys as the directory lists them. */
function jwks() {
  if (bug('jwks-publishes-private-d')) {
    return { keys: me().keys.map((k) => ({ ...k, d: ownPrivate.get(k.kid)?.d })) };
  }
  return { keys: me().keys };
}

async function signingKey() {
  const kid = me().keys.find((k) => k.use === 'sig' && k.status === 'active').kid; // DIR-008: the first active one
  return { kid, key: await jose.importJWK(ownPrivate.get(kid), 'ES256') };
}

// ---------------------------------------------------------------------------------------------------------------
// The people this insurer holds (conformance/README.md, docs/test-vectors/insurer-people.json)

const OWN_NUMBER = () => me().insurerNumber;
const records = [
  ...JSON.parse(fs.readFileSync(path.join(vectors, 'insurer-people.json'), 'utf8')).people, // the main person 12/3456/01 included
].map((r) => ({ ...r, insurerNumber: null })); // all of them under kenpo-a's own number

function registered(record, at) {
  const done = record.versions.filter((v) => v.registeredAt !== null && Date.parse(v.registeredAt) <= at);
  return done.length ? done.reduce((a, b) => (Date.parse(a.registeredAt) >= Date.parse(b.registeredAt) ? a : b)) : null;
}

const normalise = (s) => (s ?? '').trim().toLowerCase();

function recordsUnder(insured, at) {
  if (insured.kind !== 'medical' || insured.insurerNumber !== OWN_NUMBER()) return []; // INS-003
  return records.filter((r) => {
    const same = bug('number-compared-loosely')
      ? normalise(r.symbol) === normalise(insured.symbol) && normalise(r.number) === normalise(insured.number)
      : (r.symbol ?? null) === (insured.symbol ?? null) && r.number === insured.number;
    const branch = bug('branch-ignored') || r.branch === (insured.branch ?? null);
    return same && branch && registered(r, at) !== null;
  });
}

const covers = (v, date) => v.qualificationDate <= date && (v.disqualificationDate === null || date < v.disqualificationDate);

/** The day age n is reached: the day before the n-th birthday; a 29 February birthday gives 28 February. */
function ageReached(birthDate, n) {
  const [y, m, d] = birthDate.split('-').map(Number);
  const birthday = new Date(Date.UTC(y + n, m - 1, d));
  const real = birthday.getUTCMonth() === m - 1 ? birthday : new Date(Date.UTC(y + n, 2, 1)); // 29 Feb → 1 Mar
  if (bug('age-reached-on-birthday')) return real.toISOString().slice(0, 10);
  return addDays(real.toISOString().slice(0, 10), -1);
}

function monthsOfPeriod(date) {
  const [y, m] = date.split('-').map(Number);
  const start = bug('benefits-calendar-year') ? y : m >= 8 ? y : y - 1;
  const first = bug('benefits-calendar-year') ? 1 : 8;
  const months = [];
  for (let i = 0; i < 12; i++) {
    const mm = ((first - 1 + i) % 12) + 1;
    const yy = start + Math.floor((first - 1 + i) / 12);
    months.push(`${yy}-${String(mm).padStart(2, '0')}`);
  }
  return months;
}

function lastDayOfMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** §9: the InquiryAnswer's facts for the sealed number on service date D. */
function eligibility(insured, serviceDate, items, purpose) {
  const at = Date.now();
  const used = bug('service-date-ignored') ? todayInJapan() : serviceDate;
  const R = recordsUnder(insured, at).map((r) => ({ record: r, state: registered(r, at) }));
  const persons = [...new Set(R.map((x) => x.record.person))];
  const ofPersons = records.filter((r) => persons.includes(r.person));

  // ELG-003: the latest registration among the person's records at this insurer.
  const registrations = (bug('asof-from-matched-record') ? R.map((x) => x.record) : ofPersons)
    .flatMap((r) => r.versions).filter((v) => v.registeredAt !== null && Date.parse(v.registeredAt) <= at).map((v) => Date.parse(v.registeredAt));
  const asOf = new Date(registrations.length ? Math.max(...registrations) : startedAt).toISOString();

  // ELG-004: a change notified and not yet registered.
  const pending = ofPersons.flatMap((r) => r.versions)
    .filter((v) => Date.parse(v.notifiedAt) <= at && (v.registeredAt === null || Date.parse(v.registeredAt) > at))
    .map((v) => Date.parse(v.notifiedAt));
  const changePending = !bug('change-pending-always-false') && pending.length > 0;

  // ELG-002
  let status;
  let r = null;
  const covering = R.filter((x) => covers(x.state, used));
  if (persons.length > 1 || covering.length > 1) {
    status = bug('multiple-matches-picks-first') && covering.length ? 'valid' : 'multiple-matches';
    if (status === 'valid') r = covering[0];
  } else if (covering.length === 1) {
    status = 'valid';
    r = covering[0];
  } else {
    const earlier = R.filter((x) => x.state.qualificationDate <= used)
      .sort((a, b) => (a.state.qualificationDate < b.state.qualificationDate ? 1 : -1));
    if (!earlier.length) status = 'no-qualification';
    else {
      r = earlier[0];
      const newer = records.some((o) => o.person === r.record.person && o !== r.record
        && registered(o, at) !== null && registered(o, at).qualificationDate > r.state.qualificationDate);
      status = newer ? 'invalid-newer-qualification' : 'invalid';
    }
  }

  const answer = { status, serviceDate: bug('service-date-ignored') ? serviceDate : used, asOf, changePending };
  if (changePending) answer.pendingSince = new Date(Math.min(...pending)).toISOString();

  const wantEligibility = items.includes('eligibility');
  const wantBenefits = bug('items-not-filtered')
    ? PURPOSES[purpose].items.includes('benefits')
    : items.includes('benefits') && PURPOSES[purpose].items.includes('benefits');
  if (r && (wantEligibility || bug('items-not-filtered'))) {
    const q = { insurerNumber: OWN_NUMBER() };
    if (present(r.record.symbol)) q.symbol = r.record.symbol;
    q.number = r.record.number;
    q.branch = r.record.branch;
    q.personalFamilyClassification = r.record.personalFamilyClassification;
    q.qualificationDate = bug('qualification-date-as-registered') ? r.state.registeredAt.slice(0, 10) : r.state.qualificationDate;
    if (status !== 'valid' && r.state.disqualificationDate) q.disqualificationDate = r.state.disqualificationDate;
    if (status !== 'valid' && r.state.reasonOfLoss) q.reasonOfLoss = r.state.reasonOfLoss;
    q.copaymentRatio = bug('copayment-ratio-as-benefit-ratio') ? 100 - r.record.copaymentRatio : r.record.copaymentRatio;
    if (r.record.birthDate) {
      const secondary = status === 'valid' && used >= ageReached(r.record.birthDate, 40) && used < ageReached(r.record.birthDate, 65);
      q.ltcSecondaryInsured = bug('dependant-never-secondary') && r.record.personalFamilyClassification === '2' ? false : secondary;
    }
    answer.qualification = q;
  }
  if (r && wantBenefits) {
    const period = monthsOfPeriod(used);
    const versions = records.filter((o) => o.person === r.record.person).map((o) => registered(o, at)).filter(Boolean);
    answer.benefits = (r.record.benefits ?? [])
      .filter((b) => period.includes(b.month) && b.selfPay > 0)
      .filter((b) => versions.some((v) => v.qualificationDate <= lastDayOfMonth(b.month)
        && (v.disqualificationDate === null || v.disqualificationDate > `${b.month}-01`)))
      .sort((a, b) => (a.month < b.month ? -1 : 1))
      .map((b) => ({ month: b.month, kind: 'medical', selfPay: b.selfPay, reimbursed: b.reimbursed }));
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------------------------
// The request envelope (§5.2)

const replayCache = new Map(); // `${iss} ${jti}` → forget after (seconds)
const sealCache = new Map(); // seal jti → forget after (seconds)

function forgetExpired(cache) {
  const now = nowSeconds();
  for (const [key, until] of cache) if (until <= now) cache.delete(key);
}

/** AUTH-001 … AUTH-009, AUTH-008; answers the caller's party and the claims. */
async function authenticate(req, rawBody) {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/jose' && !bug('accepts-any-media-type')) {
    refuse('unsupported-media-type', 'the body must be application/jose', 'Content-Type');
  }
  const token = rawBody.toString('latin1').replace(/[ \t\r\n]+$/, '');
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > MAX_BODY || !parts.every((p) => B64URL.test(p))) {
    refuse('auth-malformed', 'the envelope is not a compact JWS of three base64url parts', 'envelope');
  }
  const header = decodeJsonPart(parts[0]);
  if (!header || (header.value === undefined && header.depth <= 16)) refuse('auth-malformed', 'the protected header is not JSON', 'header');
  if (header.depth > 16) refuse(bug('header-too-deep-is-malformed') ? 'auth-malformed' : 'json-too-deep', 'the protected header is nested deeper than 16 levels', 'header');
  if (!isObject(header.value)) refuse('auth-malformed', 'the protected header is not a JSON object', 'header');
  const h = header.value;
  const headerField = (member) => (bug('header-field-is-header') ? 'header' : member);
  if (header.duplicate) refuse('auth-algorithm', 'the protected header repeats a member', headerField(header.duplicate.slice(1)));
  const forbidden = FORBIDDEN_HEADERS.find((m) => m in h);
  if (forbidden) refuse('auth-algorithm', `the protected header carries ${forbidden}`, headerField(forbidden));
  if (h.alg !== 'ES256') refuse('auth-algorithm', 'alg must be ES256', headerField('alg'));
  if (h.typ !== 'chukei-req+jwt') refuse('auth-algorithm', 'typ must be chukei-req+jwt', headerField('typ'));

  // AUTH-003, DIR-009
  let found = typeof h.kid === 'string' ? findKey(h.kid) : null;
  if (typeof h.kid === 'string' && (!found || found.key.use !== 'sig') && (await refreshForUnknownKid())) found = findKey(h.kid);
  if (!found || found.key.use !== 'sig') refuse('auth-key-unknown', 'the kid names no signing key in the directory', 'kid');
  const path = new URL(req.url, 'http://x').pathname;
  if (bug('role-checked-before-signature') && !ENDPOINTS[path]?.includes(found.party.role)) refuse('role-not-allowed', `role ${found.party.role} may not call ${path}`, 'role');
  if (keyRevoked(found)) refuse('auth-key-revoked', `the key ${h.kid} or its party is revoked`, 'kid');
  if (!verifyEs256(found.key, `${parts[0]}.${parts[1]}`, b64urlDecode(parts[2]))) {
    refuse('auth-signature-invalid', 'the signature does not verify', 'signature');
  }

  // The claims, once the signature verified (AUTH-001).
  const claims = decodeJsonPart(parts[1]);
  if (!claims || (claims.value === undefined && claims.depth <= 16)) refuse('auth-malformed', 'the claims are not JSON', 'claims');
  if (claims.depth > 16) refuse('json-too-deep', 'the claims are nested deeper than 16 levels', 'claims');
  const c = claims.value;
  if (!isObject(c)) refuse('auth-malformed', 'the claims are not a JSON object', 'claims');
  const correlationId = isObject(c.body) && isCorrelationId(c.body.correlationId) ? c.body.correlationId : undefined;
  const withCorrelation = (fn) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof Refusal) e.correlationId = correlationId;
      throw e;
    }
  };
  let replayKey;
  withCorrelation(() => {
    // ERR-005 / N18: a member repeated anywhere in the claims, the body included, makes them unreadable.
    const bodyRepeatAccepted = bug('duplicate-body-members-accepted') && claims.duplicate?.startsWith('/body/');
    if (claims.duplicate && !bodyRepeatAccepted) refuse('auth-malformed', 'the claims repeat a member', claims.duplicate.slice(1));
    for (const [name, type] of [['iss', 'string'], ['aud', 'string'], ['iat', 'integer'], ['exp', 'integer'], ['jti', 'string'], ['body', 'object']]) {
      const v = c[name];
      const ok = type === 'integer' ? Number.isInteger(v) : type === 'object' ? isObject(v) : typeof v === type;
      if (!ok) refuse('auth-malformed', `claim ${name} is missing or not a ${type}`, name);
    }
    replayKey = bug('replay-cache-per-jti') ? c.jti : `${c.iss} ${c.jti}`;
    if (bug('jti-recorded-before-envelope-checks')) {
      forgetExpired(replayCache);
      if (replayCache.has(replayKey)) refuse('auth-replayed', 'this jti was already accepted from this issuer', 'jti');
      replayCache.set(replayKey, c.exp + SKEW);
    }
    if (c.iss !== found.party.id) refuse('auth-issuer-mismatch', `iss is not ${found.party.id}, the owner of ${h.kid}`, 'iss');
    const audOk = bug('aud-case-insensitive') ? c.aud.toLowerCase() === SELF : c.aud === SELF;
    if (!audOk) refuse('auth-audience', `aud is not ${SELF}`, 'aud');
    const now = nowSeconds();
    const expired = bug('skew-off-by-one') ? now > c.exp + SKEW : now >= c.exp + SKEW;
    if (expired || c.exp - c.iat > 120) refuse('auth-expired', 'the envelope has expired or lives longer than 120 s', 'exp');
    if (now < c.iat - SKEW) refuse('auth-not-yet-valid', 'the envelope is not yet valid', 'iat');
    if (c.htm !== req.method) refuse('auth-target-mismatch', 'htm is not the method used', 'htm');
    if (c.htu !== new URL(req.url, 'http://x').pathname) refuse('auth-target-mismatch', 'htu is not the path called', 'htu');
    if (!bug('jti-recorded-before-envelope-checks')) {
      forgetExpired(replayCache);
      if (replayCache.has(replayKey)) refuse('auth-replayed', 'this jti was already accepted from this issuer', 'jti');
      if (!bug('jti-recorded-only-when-answered')) replayCache.set(replayKey, c.exp + SKEW);
    }
  });
  return { caller: found.party, claims: c, correlationId, bodyDuplicate: undefined, replayKey };
}

// ---------------------------------------------------------------------------------------------------------------
// The inquiry body (INS-002, ERR-005) and the seal (§6.4)

function validateInquiry(body, duplicate) {
  if (duplicate !== undefined && !bug('duplicate-body-members-accepted')) refuse('invalid-field', 'the body repeats a member', duplicate);
  if (!present(body.seal) || typeof body.seal !== 'string' || body.seal.length === 0) refuse('invalid-field', 'seal is missing or not a non-empty string', '/seal');
  if (!Array.isArray(body.items)) refuse('invalid-field', 'items is missing or not an array', '/items');
  if (body.items.length === 0) refuse('invalid-field', 'items is empty', '/items');
  body.items.forEach((item, i) => {
    if (typeof item !== 'string' || !ITEMS.includes(item)) refuse('invalid-field', 'not a known item', `/items/${i}`);
    // INS-002: a repeat is named where it is, like an unknown item.
    if (body.items.indexOf(item) !== i) refuse('invalid-field', 'an item is repeated', `/items/${i}`);
  });
  if (present(body.serviceDate) && !isDate(body.serviceDate)) refuse('invalid-field', 'serviceDate is not a yyyy-MM-dd date', '/serviceDate');
  if (!isCorrelationId(body.correlationId)) refuse('invalid-field', 'correlationId is missing or breaks ID-013', '/correlationId');
}

function checkHeaderMembers(header, code) {
  if (header.duplicate) refuse(code, 'a header member is repeated', header.duplicate.slice(1));
  const forbidden = FORBIDDEN_HEADERS.find((m) => m in header.value);
  if (forbidden) refuse(code, `the header carries ${forbidden}`, forbidden);
}

/** INS-011 … INS-031 in order; `seen` collects what the access record may say (LOG-009). */
async function openSeal(seal, callerId, items, seen) {
  // INS-011
  const parts = seal.split('.');
  if (seal.length > MAX_SEAL || parts.length !== 5 || !parts.every((p) => B64URL.test(p))) refuse('seal-malformed', 'not a compact JWE of five base64url parts', 'seal');
  const outer = decodeJsonPart(parts[0]);
  if (!outer || !isObject(outer.value)) refuse('seal-malformed', 'the JWE protected header is not a JSON object', 'seal');
  // INS-012, INS-013
  checkHeaderMembers(outer, 'seal-header-forbidden');
  const oh = outer.value;
  if (oh.alg !== 'ECDH-ES+A256KW') refuse('seal-encryption-algorithm', 'alg must be ECDH-ES+A256KW', 'alg');
  if (oh.enc !== 'A256GCM') refuse('seal-encryption-algorithm', 'enc must be A256GCM', 'enc');
  // INS-014
  const own = me().keys.find((k) => k.kid === oh.kid && k.use === 'enc');
  const usable = bug('retired-enc-key-refused') ? own?.status === 'active' : own && (own.status === 'active' || own.status === 'retired');
  if (typeof oh.kid !== 'string' || !usable || !ownPrivate.has(oh.kid)) refuse('seal-recipient-key', 'kid names no current encryption key of this party', 'kid');
  // INS-015
  let plaintext;
  try {
    const key = await jose.importJWK(ownPrivate.get(oh.kid), 'ECDH-ES+A256KW');
    ({ plaintext } = await jose.compactDecrypt(seal, key, { keyManagementAlgorithms: ['ECDH-ES+A256KW'], contentEncryptionAlgorithms: ['A256GCM'] }));
  } catch {
    refuse('seal-decrypt-failed', 'the seal does not decrypt', 'seal');
  }
  // INS-016
  const jws = Buffer.from(plaintext).toString('latin1');
  const inner = jws.split('.');
  if (oh.cty !== 'JWT' || jws.length > MAX_SEAL || inner.length !== 3 || !inner.every((p) => B64URL.test(p))) refuse('seal-not-nested', 'the plaintext is not a compact JWS', 'cty');
  const innerHeader = decodeJsonPart(inner[0]);
  if (!innerHeader || !isObject(innerHeader.value)) refuse('seal-not-nested', 'the inner protected header is not a JSON object', 'header');
  checkHeaderMembers(innerHeader, 'seal-header-forbidden');
  const ih = innerHeader.value;
  // INS-017, INS-018
  const algNone = bug('seal-alg-none-accepted') && typeof ih.alg === 'string' && ih.alg.toLowerCase() === 'none';
  if (ih.alg !== 'ES256' && !algNone) refuse('seal-signature-algorithm', 'alg must be ES256', 'alg');
  if (ih.typ !== 'chukei-seal+jwt') refuse('seal-type', 'typ must be chukei-seal+jwt', 'typ');
  // INS-019 (DIR-009: once more before refusing an unknown kid), INS-020, INS-021
  const relayKey = () => {
    const f = typeof ih.kid === 'string' ? findKey(ih.kid) : null;
    return f && f.party.id === relayId() && f.key.use === 'sig' ? f : null;
  };
  let found = relayKey();
  if (!found && typeof ih.kid === 'string' && (await refreshForUnknownKid())) found = relayKey();
  if (!found) refuse('seal-key-unknown', 'the kid is not a signing key of the relay', 'kid');
  const revoked = bug('retired-relay-key-refused') ? found.key.status !== 'active' || found.party.revoked === true : keyRevoked(found);
  if (revoked) refuse('seal-key-revoked', `the relay key ${ih.kid} is revoked`, 'kid');
  if (!algNone && !verifyEs256(found.key, `${inner[0]}.${inner[1]}`, b64urlDecode(inner[2]))) refuse('seal-signature-invalid', 'the signature does not verify', 'signature');
  // INS-022
  const parsed = decodeJsonPart(inner[1]);
  if (!parsed || !isObject(parsed.value) || parsed.duplicate || parsed.depth > 16) refuse('seal-claims', 'the claims are not a JSON object without repeats', 'claims');
  const c = parsed.value;
  const types = { iss: 'string', aud: 'string', iat: 'integer', nbf: 'integer', exp: 'integer', jti: 'string', requester: 'string', purpose: 'string', txn: 'string', asOf: 'integer', insured: 'object' };
  for (const [name, type] of Object.entries(types)) {
    const v = c[name];
    const ok = type === 'integer' ? Number.isInteger(v) : type === 'object' ? isObject(v) : typeof v === type;
    if (!ok) refuse('seal-claims', `claim ${name} is missing or not a ${type}`, name);
  }
  if (bug('unknown-seal-claims-refused')) {
    const unknown = Object.keys(c).find((k) => !(k in types) && k !== 'routed');
    if (unknown) refuse('seal-claims', `the claim ${unknown} is not a seal claim`, unknown);
  }
  if (present(c.routed) && typeof c.routed !== 'boolean') refuse('seal-claims', 'routed is not a boolean', 'routed');
  for (const name of ['kind', 'insurerNumber', 'number']) if (typeof c.insured[name] !== 'string') refuse('seal-claims', `insured.${name} is missing or not a string`, 'insured');
  for (const name of ['symbol', 'branch']) if (present(c.insured[name]) && typeof c.insured[name] !== 'string') refuse('seal-claims', `insured.${name} is not a string`, 'insured');
  seen.requester = c.requester;
  seen.purpose = c.purpose;
  if (bug('txn-recorded-before-audience-check')) seen.txn = c.txn;
  // INS-023, INS-024
  if (c.iss !== relayId()) refuse('seal-issuer', 'iss is not the relay', 'iss');
  if (c.aud !== SELF) refuse('seal-audience', `aud is not ${SELF}`, 'aud');
  if (!bug('txn-only-when-answered')) seen.txn = c.txn; // LOG-009: verified and addressed to us
  // INS-025 … INS-027
  const now = nowSeconds();
  if (!bug('seal-exp-not-checked') && !(now < c.exp + SKEW)) refuse('seal-expired', 'the seal has expired', 'exp');
  if (!(now >= c.nbf - SKEW && now >= c.iat - SKEW)) refuse('seal-not-yet-valid', 'the seal is not yet valid', 'nbf');
  if (!bug('seal-lifetime-not-checked') && !(c.exp - c.iat <= 300 && c.exp >= c.nbf)) refuse('seal-lifetime', 'the seal lives longer than 300 s', 'exp');
  // INS-028
  forgetExpired(sealCache);
  if (sealCache.has(c.jti)) refuse('seal-replayed', 'the seal was already presented', 'jti');
  if (bug('seal-jti-burned-before-requester-check')) sealCache.set(c.jti, c.exp + SKEW);
  // INS-029
  if (!(callerId === c.requester || (c.routed === true && callerId === relayId()))) {
    // The kit wants the caller in the access record here, although §8.3 says the seal's requester when known: see ../README.md.
    seen.requester = callerId;
    refuse('seal-requester-mismatch', 'the caller is not the requester of the seal', 'requester');
  }
  // INS-030
  const requester = partyOf(c.requester);
  const purposeRefused = bug('unknown-requester-skips-purpose-check')
    ? requester && (!PURPOSES[c.purpose] || !PURPOSES[c.purpose].roles.includes(requester.role))
    : !requester || !PURPOSES[c.purpose] || !PURPOSES[c.purpose].roles.includes(requester.role);
  if (purposeRefused) refuse('purpose-not-allowed', 'the purpose is not allowed for the requester', 'purpose');
  // INS-031
  const bad = items.findIndex((i) => !PURPOSES[c.purpose].items.includes(i));
  if (items.length === 0 || bad >= 0) refuse('items-not-allowed', 'an item is not allowed for the purpose', `/items/${Math.max(bad, 0)}`);
  // Every check passed: only now is the jti recorded. No await lies between the INS-028 check and this line, so of two
  // concurrent presentations exactly one is accepted.
  if (!bug('seal-jti-recorded-after-answer')) sealCache.set(c.jti, c.exp + SKEW);
  seen.txn = c.txn;
  return c;
}

// ---------------------------------------------------------------------------------------------------------------
// Access records and reports (§8.3)

let entrySeq = 0;
const startedAt = Date.now();
const newEntryId = () => `ka-${startedAt.toString(36)}-${String(++entrySeq).padStart(6, '0')}`;

function accessRecord({ entryId, at, caller, seen, body, outcome, code }) {
  const items = Array.isArray(body?.items) ? body.items.filter((i) => typeof i === 'string' && i.length >= 1 && i.length <= 64).slice(0, 8) : [];
  const requester = typeof seen.requester === 'string' && PARTY_ID.test(seen.requester) ? seen.requester : caller.id;
  const purpose = typeof seen.purpose === 'string' && seen.purpose.length >= 1 && seen.purpose.length <= 64 ? seen.purpose : 'unknown';
  const record = { insurerEntryId: entryId };
  if (seen.txn !== undefined && (!bug('txn-only-when-answered') || outcome !== 'refused')) record.relayLogEntryId = seen.txn;
  Object.assign(record, { requester, purpose, items, outcome });
  if (code) record.code = code;
  record.at = new Date(at).toISOString();
  // ID-013 requires a correlation id; one the body did not give validly cannot be quoted, so the record says so.
  record.correlationId = isCorrelationId(body?.correlationId) ? body.correlationId : 'unreadable';
  return record;
}

async function signRequest(aud, htu, body) {
  const { kid, key } = await signingKey();
  const iat = nowSeconds();
  const jti = freshJti();
  const token = await new jose.CompactSign(Buffer.from(JSON.stringify({ iss: SELF, aud, iat, exp: iat + 60, jti, htm: 'POST', htu, body })))
    .setProtectedHeader({ alg: 'ES256', typ: 'chukei-req+jwt', kid })
    .sign(key);
  return { token, jti };
}

/** AUTH-014: the relay's answer, verified; null when it does not verify. */
function verifyResponse(text, expectedIss, requestJti) {
  const parts = text.trim().split('.');
  if (parts.length !== 3) return null;
  const header = decodeJsonPart(parts[0]);
  if (!header || !isObject(header.value) || header.duplicate) return null;
  const h = header.value;
  if (FORBIDDEN_HEADERS.some((m) => m in h) || h.alg !== 'ES256' || h.typ !== 'chukei-res+jwt') return null;
  const found = findKey(h.kid);
  if (!found || found.key.use !== 'sig' || keyRevoked(found) || found.party.id !== expectedIss) return null;
  if (!verifyEs256(found.key, `${parts[0]}.${parts[1]}`, b64urlDecode(parts[2]))) return null;
  const claims = decodeJsonPart(parts[1]);
  const c = claims?.value;
  if (!isObject(c) || claims.duplicate || c.iss !== expectedIss || c.aud !== SELF || c.inResponseTo !== requestJti) return null;
  const now = nowSeconds();
  if (!Number.isInteger(c.exp) || !Number.isInteger(c.iat) || now >= c.exp + SKEW || now < c.iat - SKEW || c.exp - c.iat > 120) return null;
  return c.body;
}

/** LOG-010: report at once; retry a report the relay did not acknowledge, a few times, within the 5 minutes. */
async function report(record, attempt = 1) {
  const relayPath = new URL(config.relayUrl).pathname.replace(/\/+$/, '');
  const htu = `${relayPath}/v1/access-log/reports`;
  let url = `${config.relayUrl}/v1/access-log/reports`;
  if (bug('personal-data-in-report-url')) url += `?correlationId=${encodeURIComponent(record.correlationId)}&insured=${encodeURIComponent(record.insured ?? '')}`;
  const { insured, ...clean } = record;
  const { token, jti } = await signRequest(relayId(), htu, { entries: [clean] });
  let acknowledged = false;
  try {
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: token, signal: AbortSignal.timeout(5000) });
    const text = await answer.text();
    acknowledged = answer.status === 200 && verifyResponse(text, relayId(), jti) !== null;
  } catch {
    acknowledged = false;
  }
  if (!acknowledged && attempt < 4) setTimeout(() => report(record, attempt + 1), 5000 * attempt).unref();
}

// ---------------------------------------------------------------------------------------------------------------
// Answers

function problem(res, code, detail, field, correlationId) {
  const [status, requirement, title] = PROBLEMS[code];
  const doc = { type: `urn:chukei:problem:${code}`, title, status, detail: String(detail).replace(/[\r\n]+/g, ' '), code, requirement };
  if (field !== undefined) doc.field = field;
  if (correlationId !== undefined && !bug('problem-without-correlation-id')) doc.correlationId = correlationId;
  const json = JSON.stringify(doc);
  res.writeHead(status, { 'content-type': bug('problem-json-media-type') ? 'application/json' : 'application/problem+json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function respond(res, aud, inResponseTo, body) {
  const { kid, key } = await signingKey();
  const iat = nowSeconds();
  const claims = { iss: SELF, aud, iat, exp: iat + 60, jti: freshJti() };
  if (!bug('in-response-to-missing')) claims.inResponseTo = inResponseTo;
  if (bug('response-carries-htm-htu')) Object.assign(claims, { htm: 'POST', htu: '/v1/inquiries' });
  claims.body = body;
  const token = await new jose.CompactSign(Buffer.from(JSON.stringify(claims))).setProtectedHeader({ alg: 'ES256', typ: 'chukei-res+jwt', kid }).sign(key);
  res.writeHead(200, { 'content-type': 'application/jose', 'content-length': Buffer.byteLength(token) });
  res.end(token);
}

async function inquiry(req, res, auth) {
  const { caller, claims } = auth;
  const body = claims.body;
  const at = Date.now();
  const entryId = newEntryId();
  const seen = {};
  const correlationId = isCorrelationId(body.correlationId) ? body.correlationId : undefined;
  // LOG-008: every inquiry that passed call authentication is recorded before the answer, and reported (LOG-010).
  const record = (outcome, code, insured) => {
    const r = accessRecord({ entryId, at, caller, seen, body, outcome, code });
    if (bug('personal-data-in-report-url')) r.insured = insured?.number;
    if (bug('no-report-for-refusals') && outcome === 'refused') return;
    void report(r);
    if (bug('report-sent-twice')) void report(r);
  };
  let seal;
  let sealReached = false;
  try {
    if (!ENDPOINTS['/v1/inquiries'].includes(caller.role)) refuse('role-not-allowed', `role ${caller.role} may not call /v1/inquiries`, 'role');
    validateInquiry(body, auth.bodyDuplicate);
    sealReached = true;
    seal = await openSeal(body.seal, caller.id, body.items, seen);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    record('refused', e.code);
    const quoted = bug('correlation-id-only-on-seal-refusals') && !sealReached ? undefined : correlationId;
    return problem(res, e.code, e.message, e.field, quoted);
  }
  const serviceDate = present(body.serviceDate) ? body.serviceDate : todayInJapan();
  const answer = eligibility(seal.insured, serviceDate, body.items, seal.purpose);
  Object.assign(answer, { insurerLogEntryId: entryId, relayLogEntryId: seal.txn, correlationId: body.correlationId });
  if (!(bug('no-record-for-no-qualification') && answer.status === 'no-qualification')) {
    record(answer.status === 'no-qualification' ? 'not-found' : 'answered', undefined, seal.insured);
  }
  // AUTH-010, INS-041: a routed answer goes to the seal's requester.
  const aud = seal.routed === true && caller.id === relayId() && !bug('routed-answer-aud-relay') ? seal.requester : caller.id;
  await respond(res, aud, claims.jti, answer);
  if (bug('jti-recorded-only-when-answered')) replayCache.set(auth.replayKey, claims.exp + SKEW);
  if (bug('seal-jti-recorded-after-answer')) sealCache.set(seal.jti, seal.exp + SKEW);
}

const fallThroughNotices = new Map(); // INS-050: noticeId → { notice, receivedAt }

async function fallThroughNotice(req, res, auth) {
  const { caller, claims, correlationId } = auth;
  if (caller.role !== 'relay') return problem(res, 'role-not-allowed', `role ${caller.role} may not call /v1/fall-through-notices`, 'role', correlationId);
  const body = claims.body;
  if (typeof body.noticeId !== 'string' || body.noticeId.length < 1 || body.noticeId.length > 64) return problem(res, 'invalid-field', 'noticeId is missing', '/noticeId', correlationId);
  if (!fallThroughNotices.has(body.noticeId)) fallThroughNotices.set(body.noticeId, { notice: body, receivedAt: new Date().toISOString() });
  return respond(res, caller.id, claims.jti, { noticeId: body.noticeId, receivedAt: fallThroughNotices.get(body.noticeId).receivedAt });
}

// ---------------------------------------------------------------------------------------------------------------
// The server

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const limit = bug('body-limit-one-mebibyte') ? 1_048_576 : MAX_BODY;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve({ tooLarge, body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ tooLarge, body: Buffer.concat(chunks) }));
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const pathname = new URL(req.url, 'http://x').pathname;
    if (req.method === 'GET' && pathname === '/.well-known/jwks.json') {
      await readBody(req);
      const json = JSON.stringify(jwks());
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(json);
    }
    const handler = { '/v1/inquiries': inquiry, '/v1/fall-through-notices': fallThroughNotice }[pathname];
    if (!ENDPOINTS[pathname] || !handler || req.method !== 'POST') {
      await readBody(req);
      if (!ENDPOINTS[pathname] && bug('unknown-path-framework-404')) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(`<pre>Cannot ${req.method} ${pathname}</pre>`);
      }
      if (ENDPOINTS[pathname] && bug('wrong-method-405')) {
        res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' });
        return res.end('Method Not Allowed');
      }
      return problem(res, 'not-found', `no ${req.method} ${pathname} here`);
    }
    const { tooLarge, body } = await readBody(req);
    if (tooLarge) return problem(res, 'body-too-large', 'the body is larger than 65 536 bytes');
    let auth;
    try {
      auth = await authenticate(req, body);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      return problem(res, e.code, e.message, e.field, e.correlationId);
    }
    return await handler(req, res, auth);
  } catch (e) {
    console.error(e);
    if (!res.headersSent) problem(res, 'internal-error', 'the insurer failed to process the request');
  }
});

server.listen(config.port, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
  void fetchDirectory();
});
setInterval(() => void fetchDirectory(), 5 * 60_000).unref(); // DIR-009: at least every 5 minutes
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
