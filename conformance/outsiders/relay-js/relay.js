// A relay for protocol chukei/1, written from docs/protocol.md, docs/test-vectors/ and conformance/README.md
// ("The relay suite") alone, outside the kit's assemblies. It plays relay.chukei.test. BUG=<name> switches on one
// seeded bug (bugs.json lists them); without it the relay is meant to be correct.
//
//   node relay.js [--port 0] [--stand-in-url http://127.0.0.1:5381] [--bug <name>]
//   env: PORT, STAND_IN_URL, BUG=<name>
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
    'stand-in-url': { type: 'string' },
    bug: { type: 'string' },
  },
});
const config = {
  port: Number(args.port ?? process.env.PORT ?? 0),
  standInUrl: (args['stand-in-url'] ?? process.env.STAND_IN_URL ?? 'http://127.0.0.1:5381').replace(/\/+$/, ''),
  bug: args.bug ?? process.env.BUG ?? '',
};
const knownBugs = JSON.parse(fs.readFileSync(path.join(here, 'bugs.json'), 'utf8')).bugs.map((b) => b.name);
if (config.bug && !knownBugs.includes(config.bug)) {
  console.error(`unknown BUG '${config.bug}'; known: ${knownBugs.join(', ')}`);
  process.exit(2);
}
const bug = (name) => config.bug === name;

const SELF = 'relay.chukei.test';
const STAND_IN_PARTIES = ['kenpo-a.chukei.test', 'kenpo-c.chukei.test']; // conformance/README.md, "The relay suite"
const MAX_BODY = 65_536;
const MAX_RESPONSE = 1_048_576;
const SKEW = 60;
const FORBIDDEN_HEADERS = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crit', 'zip', 'b64'];
const ITEMS = ['eligibility', 'benefits'];
const STATUSES = ['valid', 'invalid', 'invalid-newer-qualification', 'no-qualification', 'multiple-matches'];
const REASONS_OF_LOSS = ['01', '02', '03', '99'];
// §7.1: purpose → requester roles allowed, items allowed.
const PURPOSES = {
  'ltc-medical-combined': { roles: ['ltc-insurer', 'medical-insurer'], items: ['eligibility', 'benefits'] },
  'childbirth-lump-sum': { roles: ['medical-insurer'], items: ['eligibility'] },
  'eligibility-check': { roles: ['clinic', 'medical-insurer', 'ltc-insurer'], items: ['eligibility'] },
};
const INSURER_ROLES = ['medical-insurer', 'ltc-insurer'];
const ROLE_OF_KIND = { medical: 'medical-insurer', ltc: 'ltc-insurer' };
const KIND_OF_ROLE = { 'medical-insurer': 'medical', 'ltc-insurer': 'ltc' };

// §5.4: who may call what at the relay (POST endpoints).
const ENDPOINTS = {
  '/v1/lookups': INSURER_ROLES,
  '/v1/routed-inquiries': [...INSURER_ROLES, 'clinic'],
  '/v1/enrolments': INSURER_ROLES,
  '/v1/access-log/reports': INSURER_ROLES,
  '/v1/access-log/person-queries': ['portal'],
  '/v1/access-log/verifications': ['relay', 'medical-insurer', 'ltc-insurer', 'clinic', 'portal'],
  '/v1/retroactive-change-notices': INSURER_ROLES,
  '/v1/retroactive-change-notices/pickups': bug('pickups-open-to-portal') ? [...INSURER_ROLES, 'clinic', 'portal'] : [...INSURER_ROLES, 'clinic'],
  '/v1/card-challenges': ['clinic'],
  '/v1/card-eligibility': ['clinic'],
};

// §10.3
const PROBLEMS = {
  'malformed-json': [400, 'ERR-002', 'The body is not well-formed JSON'],
  'body-too-large': [413, 'ERR-003', 'The body exceeds the size limit (65 536 bytes)'],
  'json-too-deep': [400, 'ERR-004', 'The JSON nesting exceeds the depth limit (16)'],
  'invalid-field': [400, 'ERR-005', 'A field is missing, of the wrong type or invalid'],
  'unsupported-media-type': [415, 'AUTH-001', 'The body must be a signed envelope (application/jose)'],
  'not-found': [404, 'ERR-006', 'No such endpoint'],
  'internal-error': [500, 'ERR-007', 'The party failed to process the request; nothing was written'],
  'auth-malformed': [401, 'AUTH-001', 'The request envelope is not a well-formed compact JWS'],
  'auth-algorithm': [401, 'AUTH-002', 'The request envelope uses a forbidden algorithm or header (or a wrong typ)'],
  'auth-key-unknown': [401, 'AUTH-003', 'The request envelope\'s kid names no key in the directory'],
  'auth-key-revoked': [401, 'AUTH-004', 'The request envelope is signed by a revoked key or party'],
  'auth-signature-invalid': [401, 'AUTH-003', 'The request envelope\'s signature does not verify'],
  'auth-issuer-mismatch': [401, 'AUTH-006', 'The envelope\'s iss is not the party that owns the signing key'],
  'auth-audience': [401, 'AUTH-007', 'The request envelope is addressed to another party'],
  'auth-expired': [401, 'AUTH-005', 'The request envelope has expired (or its lifetime exceeds 120 s)'],
  'auth-not-yet-valid': [401, 'AUTH-005', 'The request envelope is not yet valid'],
  'auth-replayed': [401, 'AUTH-008', 'The request envelope\'s jti was already used'],
  'auth-target-mismatch': [401, 'AUTH-009', 'The envelope was signed for another method or path'],
  'role-not-allowed': [403, 'AUTH-011', 'The caller\'s role may not call this endpoint'],
  'seal-malformed': [400, 'INS-011', 'The seal is not a well-formed compact JWE'],
  'seal-header-forbidden': [400, 'INS-012', 'The seal carries a forbidden or duplicated header'],
  'seal-encryption-algorithm': [400, 'INS-013', 'The seal\'s key management or content encryption algorithm is not allowed'],
  'seal-recipient-key': [403, 'INS-014', 'The seal is not encrypted to a current key of this party'],
  'seal-decrypt-failed': [400, 'INS-015', 'The seal does not decrypt (tampered, wrong key or invalid curve point)'],
  'seal-not-nested': [400, 'INS-016', 'The seal\'s plaintext is not a signed JWT'],
  'seal-signature-algorithm': [400, 'INS-017', 'The seal\'s signature algorithm is not ES256'],
  'seal-type': [400, 'INS-018', 'The seal\'s inner typ is not chukei-seal+jwt'],
  'seal-key-unknown': [403, 'INS-019', 'The seal is signed under a kid that is not a relay signing key'],
  'seal-key-revoked': [403, 'INS-020', 'The seal is signed by a revoked relay key'],
  'seal-signature-invalid': [403, 'INS-021', 'The seal\'s signature does not verify'],
  'seal-claims': [400, 'INS-022', 'The seal\'s claims are missing, duplicated or of the wrong type'],
  'seal-issuer': [403, 'INS-023', 'The seal was not issued by the relay'],
  'seal-audience': [403, 'INS-024', 'The seal is addressed to another party'],
  'seal-expired': [403, 'INS-025', 'The seal has expired (beyond the clock-skew allowance)'],
  'seal-not-yet-valid': [403, 'INS-026', 'The seal is not yet valid (beyond the clock-skew allowance)'],
  'seal-lifetime': [403, 'INS-027', 'The seal\'s lifetime exceeds the maximum'],
  'seal-replayed': [403, 'INS-028', 'The seal\'s jti was already presented'],
  'seal-requester-mismatch': [403, 'INS-029', 'The caller is not the requester the seal was issued for'],
  'purpose-not-allowed': [403, 'INS-030', 'The purpose is not allowed for the requester\'s role (also answered by the relay, RLY-005)'],
  'items-not-allowed': [403, 'INS-031', 'An item asked for is not allowed for the purpose (also answered by the relay, RLY-020)'],
  'subject-not-owned': [403, 'RLY-004', 'The requester presented an identifier that is not one of its own insured'],
  'target-unavailable': [502, 'RLY-021', 'The target party did not answer'],
  'target-refused': [502, 'RLY-022', 'The target party refused the routed inquiry'],
  'log-entry-unknown': [400, 'LOG-011', 'The report names a relay log entry that does not exist or concerns another party'],
  'person-unknown': [404, 'LOG-015', 'No such person'],
  'insurer-number-not-owned': [403, 'RLY-031', 'The caller updated an enrolment under an insurer number it does not own'],
  'notice-entry-unknown': [400, 'ELG-018', 'The notice names a relay entry that does not exist or is not an answer of this insurer to this requester'],
  'card-challenge-unknown': [403, 'CLN-010', 'The challenge was not issued to this clinic'],
  'card-challenge-expired': [403, 'CLN-011', 'The challenge has expired'],
  'card-challenge-replayed': [403, 'CLN-012', 'The challenge was already presented'],
  'card-certificate-malformed': [400, 'CLN-013', 'The card certificate is not a DER X.509 certificate with an RSA key of at least 2048 bits'],
  'card-ca-unknown': [403, 'CLN-014', 'The card certificate was not issued by a card CA the relay trusts'],
  'card-signature-invalid': [403, 'CLN-015', 'The card\'s signature does not verify'],
  'card-certificate-not-yet-valid': [403, 'CLN-016', 'The card certificate is not yet valid'],
  'card-certificate-expired': [403, 'CLN-017', 'The card certificate expired more than three months ago'],
  'card-certificate-revoked': [403, 'CLN-018', 'The card certificate is revoked'],
  'card-holder-unknown': [404, 'CLN-019', 'No person is registered for this card'],
};

class Refusal extends Error {
  constructor(code, detail, field, extra) {
    super(detail);
    this.code = code;
    this.field = field;
    Object.assign(this, extra);
  }
}
const refuse = (code, detail, field) => { throw new Refusal(code, detail, field); };
const invalid = (field, detail) => refuse('invalid-field', detail ?? `${field} is missing, of the wrong type or invalid`, field);

// ---------------------------------------------------------------------------------------------------------------
// Small helpers (the JSON scanner and ES256 check are the outside insurer's, written from the same documents)

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

const todayInJapan = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const iso = (ms) => new Date(ms).toISOString(); // UTC, millisecond precision (LOG-006)
const PERSON_ID = /^P[A-Z2-7]{20}$/;
const PRINTABLE_ID = /^[\x20-\x7e]{1,64}$/; // "1–64 printable ASCII characters"; the space included (README finding 2)
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isTimestamp = (s) => typeof s === 'string' && TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s));
const isPrintableId = (s) => typeof s === 'string' && PRINTABLE_ID.test(s);
const isPartyId = (s) => typeof s === 'string' && PARTY_ID.test(s);
const isString = (s) => typeof s === 'string';

// ---------------------------------------------------------------------------------------------------------------
// Identifiers (§2)

/** ID-009: the check digit over the body, weights 2, 1, 2, … from the rightmost body digit. */
function checkDigitValid(number) {
  const body = number.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const product = Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return (10 - (sum % 10)) % 10 === Number(number.at(-1));
}
const CARD_CHARS = /^[0-9A-Za-z\-\u3040-\u30ff\u4e00-\u9fff\uff10-\uff19]{1,20}$/u; // ID-006
const isMedicalInsurerNumber = (s) => isString(s) && /^(\d{8}|\d{6})$/.test(s) && checkDigitValid(s); // ID-002
const isLtcInsurerNumber = (s) => isString(s) && /^\d{6}$/.test(s) && checkDigitValid(s); // ID-003
const isCardText = (s) => isString(s) && CARD_CHARS.test(s) && [...s].length <= 20;

function validateMedical(m, at) {
  if (!isObject(m)) invalid(at);
  if (!isMedicalInsurerNumber(m.insurerNumber)) invalid(`${at}/insurerNumber`);
  if (present(m.symbol) && !isCardText(m.symbol)) invalid(`${at}/symbol`);
  if (!isCardText(m.number)) invalid(`${at}/number`);
  if (!(isString(m.branch) && /^\d{2}$/.test(m.branch))) invalid(`${at}/branch`); // ID-007
}

function validateLtc(l, at) {
  if (!isObject(l)) invalid(at);
  if (!isLtcInsurerNumber(l.insurerNumber)) invalid(`${at}/insurerNumber`);
  if (!(isString(l.insuredNumber) && /^\d{10}$/.test(l.insuredNumber))) invalid(`${at}/insuredNumber`); // ID-004
}

/** RLY-003: exactly one of ltc and medical; answers its kind. */
function validateSubject(s, at) {
  if (!isObject(s)) invalid(at);
  const kinds = ['ltc', 'medical'].filter((k) => present(s[k]));
  if (kinds.length !== 1 && !(bug('subject-both-kinds-accepted') && kinds.length === 2)) invalid(at, 'the subject must name exactly one of ltc and medical');
  if (kinds[0] === 'ltc') validateLtc(s.ltc, `${at}/ltc`);
  else validateMedical(s.medical, `${at}/medical`);
  return kinds[0];
}

/** The number a record names, as one comparable key: every part byte for byte (ID-001). */
function numberKey(kind, record) {
  return kind === 'ltc'
    ? JSON.stringify(['ltc', record.insurerNumber, record.insuredNumber])
    : JSON.stringify(['medical', record.insurerNumber, record.symbol ?? null, record.number, record.branch ?? null]);
}

// ---------------------------------------------------------------------------------------------------------------
// Keys and the directory (§3)

const published = JSON.parse(fs.readFileSync(path.join(vectors, 'keys.json'), 'utf8')).keys;
const ownPrivate = new Map(published.filter((k) => k.owner === SELF).map((k) => [k.kid, k.jwk]));
const directoryDocument = JSON.parse(fs.readFileSync(path.join(vectors, 'directory.json'), 'utf8'));
directoryDocument.issuedAt = iso(Date.now());
for (const party of directoryDocument.parties) {
  if (STAND_IN_PARTIES.includes(party.id)) party.baseUrl = `${config.standInUrl}/${party.id}`;
}
const partyOf = (id) => directoryDocument.parties.find((p) => p.id === id);
const me = () => partyOf(SELF);

function findKey(kid) {
  for (const party of directoryDocument.parties) {
    for (const key of party.keys ?? []) if (key.kid === kid) return { party, key };
  }
  return null;
}
const keyRevoked = (found) => found.key.status === 'revoked' || found.party.revoked === true; // DIR-005, DIR-006

/** DIR-008: the first active key of a use, in directory order. */
function firstActive(party, use) {
  return party.keys.find((k) => k.use === use && k.status === 'active') ?? null;
}

async function signCompact(typ, claims, kidOverride) {
  const kid = kidOverride ?? firstActive(me(), 'sig').kid;
  const key = await jose.importJWK(ownPrivate.get(kid), 'ES256');
  return new jose.CompactSign(Buffer.from(JSON.stringify(claims))).setProtectedHeader({ alg: 'ES256', typ, kid }).sign(key);
}

let signedDirectory = null;
async function directoryJws() {
  // The directory signed once; every party is listed as published, the stand-in insurers at the kit's stand-in.
  const retired = me().keys.find((k) => k.use === 'sig' && k.status === 'retired');
  signedDirectory ??= await signCompact('chukei-dir+jwt', directoryDocument, bug('directory-signed-with-retired-key') ? retired.kid : undefined);
  return signedDirectory;
}

function jwks() {
  if (bug('jwks-without-status')) return { keys: me().keys.map(({ status, ...k }) => k) };
  return { keys: me().keys };
}

// ---------------------------------------------------------------------------------------------------------------
// Envelopes (§5)

const replayCache = new Map(); // `${iss} ${jti}` → forget after (seconds)

function forgetExpired(cache) {
  const now = nowSeconds();
  for (const [key, until] of cache) if (until <= now) cache.delete(key);
}

/** §5.2 in order: AUTH-001 … AUTH-009, AUTH-008; answers the caller's party and the claims. */
function authenticate(req, rawBody) {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/jose') refuse('unsupported-media-type', 'the body must be application/jose', 'Content-Type');
  const token = rawBody.toString('latin1').replace(/[ \t\r\n]+$/, '');
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > MAX_BODY || !parts.every((p) => B64URL.test(p))) {
    refuse('auth-malformed', 'the envelope is not a compact JWS of three base64url parts', 'envelope');
  }
  const header = decodeJsonPart(parts[0]);
  if (!header || (header.value === undefined && header.depth <= 16)) refuse('auth-malformed', 'the protected header is not JSON', 'header');
  if (header.depth > 16) refuse('json-too-deep', 'the protected header is nested deeper than 16 levels', 'header');
  if (!isObject(header.value)) refuse('auth-malformed', 'the protected header is not a JSON object', 'header');
  const h = header.value;
  if (header.duplicate) refuse('auth-algorithm', 'the protected header repeats a member', header.duplicate.slice(1));
  const forbidden = FORBIDDEN_HEADERS.find((m) => m in h);
  if (forbidden) refuse('auth-algorithm', `the protected header carries ${forbidden}`, forbidden);
  if (h.alg !== 'ES256') refuse('auth-algorithm', 'alg must be ES256', 'alg');
  const typOk = bug('typ-case-insensitive') ? typeof h.typ === 'string' && h.typ.toLowerCase() === 'chukei-req+jwt' : h.typ === 'chukei-req+jwt';
  if (!typOk) refuse('auth-algorithm', 'typ must be chukei-req+jwt', 'typ');

  const found = typeof h.kid === 'string' ? findKey(h.kid) : null;
  if (!found || found.key.use !== 'sig') refuse('auth-key-unknown', 'the kid names no signing key in the directory', 'kid');
  if (keyRevoked(found)) refuse('auth-key-revoked', `the key ${h.kid} or its party is revoked`, 'kid');
  if (!verifyEs256(found.key, `${parts[0]}.${parts[1]}`, b64urlDecode(parts[2]))) refuse('auth-signature-invalid', 'the signature does not verify', 'signature');

  const claims = decodeJsonPart(parts[1]);
  if (!claims || (claims.value === undefined && claims.depth <= 16)) refuse('auth-malformed', 'the claims are not JSON', 'claims');
  if (claims.depth > 16) refuse('json-too-deep', 'the claims are nested deeper than 16 levels', 'claims');
  const c = claims.value;
  if (!isObject(c)) refuse('auth-malformed', 'the claims are not a JSON object', 'claims');
  const correlationId = isObject(c.body) && isCorrelationId(c.body.correlationId) ? c.body.correlationId : undefined;
  try {
    if (claims.duplicate) refuse('auth-malformed', 'the claims repeat a member', claims.duplicate.slice(1)); // ERR-005, N18
    for (const [name, type] of [['iss', 'string'], ['aud', 'string'], ['iat', 'integer'], ['exp', 'integer'], ['jti', 'string'], ['body', 'object']]) {
      const v = c[name];
      const ok = type === 'integer' ? Number.isInteger(v) : type === 'object' ? isObject(v) : typeof v === type;
      if (!ok) refuse('auth-malformed', `claim ${name} is missing or not a ${type}`, name);
    }
    if (c.iss !== found.party.id) refuse('auth-issuer-mismatch', `iss is not ${found.party.id}, the owner of ${h.kid}`, 'iss');
    if (c.aud !== SELF) refuse('auth-audience', `aud is not ${SELF}`, 'aud');
    const now = nowSeconds();
    const expired = bug('envelope-expiry-inclusive') ? now > c.exp + SKEW : now >= c.exp + SKEW;
    const tooLong = c.exp - c.iat > 120;
    if (expired || tooLong) refuse('auth-expired', 'the envelope has expired or lives longer than 120 s', 'exp');
    if (now < c.iat - SKEW) refuse('auth-not-yet-valid', 'the envelope is not yet valid', 'iat');
    if (c.htm !== req.method) refuse('auth-target-mismatch', 'htm is not the method used', 'htm');
    const htu = bug('htu-trailing-slash-tolerated') && typeof c.htu === 'string' ? c.htu.replace(/\/+$/, '') : c.htu;
    if (htu !== new URL(req.url, 'http://x').pathname) refuse('auth-target-mismatch', 'htu is not the path called', 'htu');
    forgetExpired(replayCache);
    const replayKey = bug('replay-key-ignores-issuer') ? c.jti : `${c.iss} ${c.jti}`;
    if (replayCache.has(replayKey)) refuse('auth-replayed', 'this jti was already accepted from this issuer', 'jti');
    replayCache.set(replayKey, c.exp + SKEW);
  } catch (e) {
    if (e instanceof Refusal) e.correlationId = correlationId;
    throw e;
  }
  return { caller: found.party, claims: c, correlationId };
}

/** AUTH-010: a 200 answer in a response envelope to the caller. */
async function respond(res, aud, inResponseTo, body) {
  const iat = nowSeconds();
  const jti = freshJti();
  const claims = { iss: SELF, aud, iat, exp: iat + 60, jti, inResponseTo: bug('answer-in-response-to-own-jti') ? jti : inResponseTo, body };
  const token = await signCompact('chukei-res+jwt', claims);
  res.writeHead(200, { 'content-type': 'application/jose', 'content-length': Buffer.byteLength(token) });
  res.end(token);
}

/** ERR-001: a problem document; never personal data (ERR-010). */
function problem(res, code, detail, field, correlationId) {
  const [status, requirement, title] = PROBLEMS[code];
  const doc = { type: `urn:chukei:problem:${code}`, title, status, detail: String(detail).replace(/[\r\n]+/g, ' '), code };
  if (!bug('problem-without-requirement')) doc.requirement = requirement;
  if (field !== undefined) doc.field = field;
  if (correlationId !== undefined) doc.correlationId = correlationId;
  const json = JSON.stringify(doc);
  res.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

// ---------------------------------------------------------------------------------------------------------------
// The access log (§8): one append-only hash chain

const chain = [];
const ZERO_HASH = '0'.repeat(64);
let checkpoint = null; // the latest signed LogCheckpoint: { token, seq, hash }

function hashInput(e) {
  const at = bug('hash-at-without-millis') ? e.at.replace(/\.\d{3}Z$/, 'Z') : e.at;
  return [e.prevHash, String(e.seq), e.entryId, at, e.recordedBy, e.action, e.requester, e.provider ?? '', e.personId ?? '',
    e.items.join(','), e.purpose, e.outcome, e.code ?? '', e.correlationId, e.relatedEntryId ?? ''].join('\n');
}
const sha256 = (text) => crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** LOG-001, LOG-005, LOG-006: appends one entry and answers it. */
function append(fields) {
  const previous = chain.at(-1);
  const seq = (previous?.seq ?? (bug('chain-starts-at-zero') ? -1 : 0)) + 1;
  const entry = {
    seq,
    entryId: `lg-${String(chain.length + 1).padStart(6, '0')}`,
    at: iso(fields.at ?? Date.now()),
    recordedBy: fields.recordedBy ?? SELF,
    action: fields.action,
    requester: fields.requester,
  };
  if (fields.provider) entry.provider = fields.provider;
  if (fields.personId) entry.personId = fields.personId;
  Object.assign(entry, { items: fields.items, purpose: fields.purpose, outcome: fields.outcome });
  if (fields.code) entry.code = fields.code;
  entry.correlationId = fields.correlationId;
  if (fields.relatedEntryId) entry.relatedEntryId = fields.relatedEntryId;
  entry.prevHash = previous?.hash ?? ZERO_HASH;
  entry.hash = sha256(hashInput(entry));
  chain.push(entry);
  if (chain.length % 100 === 0) void signCheckpoint(); // LOG-020: every 100 entries
  return entry;
}
const entryById = (id) => chain.find((e) => e.entryId === id);

async function signCheckpoint() {
  const head = chain.at(-1);
  const payload = { seq: head?.seq ?? 0, hash: head?.hash ?? ZERO_HASH, at: iso(Date.now()) };
  const token = await signCompact('chukei-checkpoint+jwt', payload);
  checkpoint = { token, seq: payload.seq, hash: payload.hash };
  return checkpoint;
}

/** LOG-021 */
function verifyChain() {
  let previousHash = ZERO_HASH;
  for (let i = 0; i < chain.length; i++) {
    const e = chain[i];
    const broken = (reason) => ({ valid: false, entries: chain.length, firstBrokenSeq: i + 1, reason });
    if (e.seq !== i + 1) return broken(`entry ${i + 1} has the wrong sequence number`);
    if (e.prevHash !== previousHash) return broken(`entry ${e.seq} does not link to its predecessor`);
    if (sha256(hashInput(e)) !== e.hash) return broken(`hash of entry ${e.seq} does not match its content`);
    previousHash = e.hash;
  }
  if (checkpoint && checkpoint.seq > 0) {
    const at = chain[checkpoint.seq - 1];
    if (!at || at.hash !== checkpoint.hash) return { valid: false, entries: chain.length, firstBrokenSeq: Math.min(checkpoint.seq, chain.length + 1) /* README finding 8 */, reason: 'the chain does not extend its latest signed checkpoint' };
  }
  return { valid: true, entries: chain.length };
}

// ---------------------------------------------------------------------------------------------------------------
// People and enrolments (§7.6): the people of relay-people.json, provisioned out of band (RLY-032)

const people = JSON.parse(fs.readFileSync(path.join(vectors, 'relay-people.json'), 'utf8')).people;
const enrolments = []; // { personId, insurer, kind, key, record, event, effectiveDate, registeredAt (ms) }

/** RLY-033: the acquired enrolments of kind current on date D, one per number (a later loss ends an earlier acquisition). */
function currentEnrolments(personId, kind, date) {
  const mine = enrolments.filter((e) => e.personId === personId && e.kind === kind);
  const current = new Map();
  for (const a of mine.filter((e) => e.event === 'acquired')) {
    const startsOk = bug('effective-date-exclusive') ? a.effectiveDate < date : a.effectiveDate <= date;
    if (!startsOk) continue;
    // A loss ends the acquisitions it follows, not a later re-acquisition (README finding 4).
    const ended = mine.some((l) => l.event === 'lost' && l.key === a.key && l.effectiveDate <= date && l.effectiveDate >= a.effectiveDate);
    if (!ended && !current.has(a.key)) current.set(a.key, a);
  }
  return [...current.values()];
}

/** An enrolment this person holds open under this number: acquired, and not lost since. */
function openEnrolment(personId, key) {
  const events = enrolments.filter((e) => e.personId === personId && e.key === key);
  const acquired = events.filter((e) => e.event === 'acquired').length;
  const lost = events.filter((e) => e.event === 'lost').length;
  return acquired > lost;
}

/** RLY-006: the people registered under a number (a lost enrolment still names its person). */
function peopleUnder(key) {
  const named = [...new Set(enrolments.filter((e) => e.key === key && e.event === 'acquired').map((e) => e.personId))];
  return bug('lost-enrolment-not-found') ? named.filter((personId) => openEnrolment(personId, key)) : named;
}

/** The insurer party that owns a number of a kind (DIR-007), when it may receive a seal (SEAL-011). */
function targetOf(kind, insurerNumber) {
  const party = directoryDocument.parties.find((p) => p.role === ROLE_OF_KIND[kind] && p.insurerNumber === insurerNumber);
  if (!party || party.revoked === true || !firstActive(party, 'enc')) return null; // answered no-current-coverage (README finding 3)
  return party;
}

/** RLY-006 (today) and CLN-021 (the service date): outcome, and on found the person, the enrolment and its target. */
function resolve(personIds, kind, date) {
  if (personIds.length === 0) return { outcome: 'not-found' };
  if (personIds.length > 1) return { outcome: 'multiple-matches' };
  const personId = personIds[0];
  const current = currentEnrolments(personId, kind, date);
  if (current.length === 0) return { outcome: 'no-current-coverage', personId };
  if (current.length > 1) return { outcome: 'multiple-matches', personId };
  const target = targetOf(kind, current[0].record.insurerNumber);
  if (!target) return { outcome: 'no-current-coverage', personId };
  return { outcome: 'found', personId, enrolment: current[0], target };
}

async function enrolment(res, { caller, claims }) {
  const body = claims.body;
  if (!(isString(body.basicPensionNumber) && /^\d{10}$/.test(body.basicPensionNumber))) invalid('/basicPensionNumber'); // ID-005
  if (!['acquired', 'lost'].includes(body.event)) invalid('/event');
  if (!isDate(body.effectiveDate)) invalid('/effectiveDate');
  const kinds = ['medical', 'ltc'].filter((k) => present(body[k]));
  if (kinds.length !== 1) invalid('/medical', 'the update must carry exactly one of medical and ltc');
  const kind = kinds[0];
  if (kind === 'medical') validateMedical(body.medical, '/medical');
  else validateLtc(body.ltc, '/ltc');
  if (!isCorrelationId(body.correlationId)) invalid('/correlationId');
  const record = body[kind];
  // RLY-031
  if (KIND_OF_ROLE[caller.role] !== kind || record.insurerNumber !== caller.insurerNumber) {
    refuse('insurer-number-not-owned', `the update is not under ${caller.id}'s own insurer number`, `/${kind}/insurerNumber`);
  }
  const answer = (outcome, registeredAt) => respond(res, caller.id, claims.jti, { outcome, registeredAt: iso(registeredAt), correlationId: body.correlationId });
  const found = people.filter((p) => p.basicPensionNumber === body.basicPensionNumber);
  if (found.length === 0) return answer('person-not-found', Date.now());
  if (found.length > 1) return answer('multiple-matches', Date.now());
  const personId = found[0].personId;
  const key = numberKey(kind, record);
  // RLY-034: a repeated update is already registered, checked before RLY-032's no-such-enrolment (README finding 5).
  const same = enrolments.find((e) => e.personId === personId && e.insurer === caller.id && e.key === key && e.event === body.event && e.effectiveDate === body.effectiveDate);
  if (same) return answer('registered', same.registeredAt);
  if (body.event === 'lost' && !openEnrolment(personId, key)) return answer('no-such-enrolment', Date.now());
  const registeredAt = Date.now();
  enrolments.push({ personId, insurer: caller.id, kind, key, record: { ...record }, event: body.event, effectiveDate: body.effectiveDate, registeredAt });
  return answer('registered', registeredAt);
}

// ---------------------------------------------------------------------------------------------------------------
// Seals (§6)

/** SEAL-001 … SEAL-011: the relay's signature over the claims, encrypted to the target. */
async function issueSeal({ target, enrolment: e, requester, purpose, routed, txn }) {
  const iat = nowSeconds();
  const insured = e.kind === 'ltc'
    ? { kind: 'ltc', insurerNumber: e.record.insurerNumber, number: e.record.insuredNumber }
    : { kind: 'medical', insurerNumber: e.record.insurerNumber, ...(present(e.record.symbol) ? { symbol: e.record.symbol } : {}), number: e.record.number, ...(bug('seal-branch-omitted') ? {} : { branch: e.record.branch }) };
  const claims = {
    iss: SELF, aud: target.id, iat, nbf: iat, exp: iat + 300,
    jti: crypto.randomBytes(16).toString('hex'), // SEAL-010: 128 random bits
    requester, purpose,
  };
  if (bug('seal-nbf-omitted')) delete claims.nbf;
  if (routed || bug('lookup-seals-routed')) claims.routed = true;
  claims.txn = txn;
  claims.asOf = Math.floor((bug('seal-as-of-effective-date') ? Date.parse(`${e.effectiveDate}T00:00:00+09:00`) : e.registeredAt) / 1000);
  claims.insured = insured;
  const jws = await signCompact('chukei-seal+jwt', claims);
  const encKeys = target.keys.filter((k) => k.use === 'enc');
  const encKey = bug('seal-to-last-usable-enc-key') ? encKeys.filter((k) => k.status !== 'revoked').at(-1) : firstActive(target, 'enc'); // SEAL-011
  const recipient = await jose.importJWK({ kty: encKey.kty, crv: encKey.crv, x: encKey.x, y: encKey.y }, 'ECDH-ES+A256KW');
  return new jose.CompactEncrypt(Buffer.from(jws, 'ascii'))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'JWT', kid: encKey.kid })
    .encrypt(recipient);
}

const targetParty = (t) => ({ partyId: t.id, insurerNumber: t.insurerNumber, name: t.name });

// ---------------------------------------------------------------------------------------------------------------
// Lookups (§7.3) and routed inquiries (§7.5)

function validateLookupBody(body, routed) {
  const kind = validateSubject(body.subject, '/subject');
  if (!['medical', 'ltc'].includes(body.targetKind)) invalid('/targetKind');
  if (!isString(body.purpose) || !PURPOSES[body.purpose]) invalid('/purpose');
  if (routed) {
    if (!Array.isArray(body.items) || body.items.length === 0) invalid('/items');
    body.items.forEach((item, i) => {
      if (!isString(item) || !ITEMS.includes(item) || body.items.indexOf(item) !== i) invalid(`/items/${i}`);
    });
    if (present(body.serviceDate) && !isDate(body.serviceDate)) invalid('/serviceDate');
  }
  if (!isCorrelationId(body.correlationId)) invalid('/correlationId');
  return kind;
}

/** RLY-005, RLY-020 (items), RLY-003/RLY-004 in that order; a refusal here is logged (LOG-003, LOG-004). */
function judgeLookup(caller, body, kind, routed) {
  if (!PURPOSES[body.purpose].roles.includes(caller.role)) refuse('purpose-not-allowed', `purpose ${body.purpose} is not allowed for role ${caller.role}`, '/purpose');
  if (routed && !bug('routed-items-unchecked')) {
    const bad = body.items.findIndex((i) => !PURPOSES[body.purpose].items.includes(i));
    if (bad >= 0) refuse('items-not-allowed', `an item is not allowed for purpose ${body.purpose}`, `/items/${bad}`);
  }
  if (caller.role !== 'clinic') {
    if (KIND_OF_ROLE[caller.role] !== kind) refuse('subject-not-owned', 'the subject is not of the caller\'s own kind', `/subject/${kind}`);
    if (body.subject[kind].insurerNumber !== caller.insurerNumber) refuse('subject-not-owned', 'the subject is not under the caller\'s own insurer number', `/subject/${kind}/insurerNumber`);
  }
}

async function lookup(res, auth) {
  return lookupOrRouted(res, auth, false);
}

async function routedInquiry(res, auth) {
  return lookupOrRouted(res, auth, true);
}

async function lookupOrRouted(res, { caller, claims }, routed) {
  const body = claims.body;
  const kind = validateLookupBody(body, routed);
  const action = routed ? 'routed-inquiry' : 'lookup';
  const items = routed ? body.items : bug('lookup-items-empty') ? [] : ['insurer-affiliation'];
  const logged = { action, requester: caller.id, items, purpose: body.purpose, correlationId: body.correlationId };
  try {
    judgeLookup(caller, body, kind, routed);
  } catch (e) {
    if (e instanceof Refusal && !bug('refused-lookups-not-logged')) append({ ...logged, outcome: 'refused', code: e.code });
    throw e;
  }
  const key = numberKey(kind, kind === 'ltc' ? body.subject.ltc : body.subject.medical);
  const r = resolve(peopleUnder(key), body.targetKind, todayInJapan());
  const entry = append({ ...logged, provider: r.target?.id, personId: r.personId, outcome: r.outcome === 'found' ? 'answered' : 'not-found' });
  const answer = { outcome: r.outcome };
  if (r.outcome !== 'found') {
    Object.assign(answer, { logEntryId: entry.entryId, correlationId: body.correlationId });
    return respond(res, caller.id, claims.jti, answer);
  }
  const seal = await issueSeal({ target: r.target, enrolment: r.enrolment, requester: caller.id, purpose: body.purpose, routed, txn: bug('seal-txn-is-correlation-id') ? body.correlationId : entry.entryId });
  answer.target = targetParty(r.target);
  if (!routed) {
    Object.assign(answer, { seal, asOf: iso(r.enrolment.registeredAt), logEntryId: entry.entryId, correlationId: body.correlationId });
    return respond(res, caller.id, claims.jti, answer);
  }
  const forwarded = { seal, items: body.items };
  if (present(body.serviceDate) && !bug('routed-service-date-dropped')) forwarded.serviceDate = body.serviceDate;
  forwarded.correlationId = body.correlationId;
  const targetAnswer = await forward(r.target, caller.id, forwarded, entry, body.correlationId);
  Object.assign(answer, { asOf: iso(r.enrolment.registeredAt), targetAnswer, logEntryId: entry.entryId, correlationId: body.correlationId });
  return respond(res, caller.id, claims.jti, answer);
}

/** RLY-020 … RLY-024: the inquiry to the target, in a request envelope of the relay; answers the target's envelope verbatim. */
async function forward(target, requester, inquiryBody, entry, correlationId) {
  const url = `${target.baseUrl}/v1/inquiries`;
  const iat = nowSeconds();
  const jti = freshJti();
  const envelope = await signCompact('chukei-req+jwt', { iss: SELF, aud: target.id, iat, exp: iat + 60, jti, htm: 'POST', htu: new URL(url).pathname, body: inquiryBody }); // AUTH-012
  // LOG-004: a second entry for target-unavailable only, none for target-refused (README finding 10).
  const unavailable = (why) => {
    if (!bug('routed-unavailable-not-logged')) {
      append({ action: entry.action, requester: entry.requester, provider: target.id, personId: entry.personId, items: entry.items, purpose: entry.purpose, outcome: 'refused', code: 'target-unavailable', correlationId, relatedEntryId: entry.entryId });
    }
    throw new Refusal('target-unavailable', `${target.id} ${why}`, undefined, { correlationId });
  };
  let status;
  let contentType;
  let text;
  try {
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: envelope, signal: AbortSignal.timeout(10_000) });
    status = answer.status;
    contentType = (answer.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    text = await answer.text();
  } catch {
    return unavailable('could not be reached or did not answer within 10 s');
  }
  if (status !== 200) {
    let code;
    if (contentType === 'application/problem+json') {
      try {
        const doc = JSON.parse(text);
        if (isObject(doc) && isString(doc.code) && doc.code.length > 0) code = doc.code;
      } catch {
        code = undefined;
      }
    }
    if (code === undefined || (bug('target-5xx-as-unavailable') && status >= 500)) return unavailable(`answered ${status} without a problem document`);
    throw new Refusal('target-refused', code, undefined, { correlationId });
  }
  if (!verifyTargetAnswer(text, target, requester, jti)) return unavailable('answered 200 with an envelope that does not verify');
  return text; // RLY-023: byte for byte
}

/** RLY-024: AUTH-001 … AUTH-005 with typ chukei-res+jwt, iss = the target, aud = the routed requester, inResponseTo = our jti. */
function verifyTargetAnswer(text, target, requester, requestJti) {
  if (text.length > MAX_RESPONSE) return false;
  const parts = text.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return false;
  const header = decodeJsonPart(parts[0]);
  if (!header || !isObject(header.value) || header.duplicate || header.depth > 16) return false;
  const h = header.value;
  if (FORBIDDEN_HEADERS.some((m) => m in h) || h.alg !== 'ES256' || h.typ !== 'chukei-res+jwt') return false;
  const found = typeof h.kid === 'string' ? findKey(h.kid) : null;
  if (!found || found.key.use !== 'sig' || keyRevoked(found) || found.party.id !== target.id) return false;
  if (!verifyEs256(found.key, `${parts[0]}.${parts[1]}`, b64urlDecode(parts[2]))) return false;
  const claims = decodeJsonPart(parts[1]);
  const c = claims?.value;
  if (!isObject(c) || claims.duplicate || claims.depth > 16 || !isObject(c.body)) return false;
  if (c.iss !== target.id || (c.aud !== requester && !bug('target-answer-aud-unchecked')) || c.inResponseTo !== requestJti) return false;
  const now = nowSeconds();
  return Number.isInteger(c.exp) && Number.isInteger(c.iat) && now < c.exp + SKEW && now >= c.iat - SKEW && c.exp - c.iat <= 120;
}

// ---------------------------------------------------------------------------------------------------------------
// Reports, person queries, verification (§8)

const reported = new Map(); // `${insurer} ${insurerEntryId}` → entry id assigned (LOG-014)

async function accessLogReport(res, { caller, claims }) {
  const body = claims.body;
  if (!Array.isArray(body.entries) || body.entries.length === 0 || body.entries.length > 100) invalid('/entries', 'entries must hold 1 to 100 records');
  // LOG-011: every record is judged before anything is appended; one bad record refuses the whole report.
  const judged = body.entries.map((r, i) => {
    const at = `/entries/${i}`;
    if (!isObject(r)) invalid(at);
    if (!isPrintableId(r.insurerEntryId) || [...r.insurerEntryId].length > 64) invalid(`${at}/insurerEntryId`);
    if (present(r.relayLogEntryId) && !isString(r.relayLogEntryId)) invalid(`${at}/relayLogEntryId`);
    if (!isPartyId(r.requester)) invalid(`${at}/requester`);
    if (!isString(r.purpose) || [...r.purpose].length < 1 || [...r.purpose].length > 64) invalid(`${at}/purpose`);
    if (!Array.isArray(r.items) || r.items.length > 8 || !r.items.every(isString)) invalid(`${at}/items`);
    if (!['answered', 'not-found', 'refused'].includes(r.outcome)) invalid(`${at}/outcome`);
    if (r.outcome === 'refused' && !(isString(r.code) && r.code.length > 0)) invalid(`${at}/code`);
    if (present(r.code) && !isString(r.code)) invalid(`${at}/code`);
    if (!isTimestamp(r.at)) invalid(`${at}/at`);
    if (!isCorrelationId(r.correlationId)) invalid(`${at}/correlationId`);
    let related = null;
    if (present(r.relayLogEntryId)) {
      related = entryById(r.relayLogEntryId);
      if (!related || related.provider !== caller.id) {
        const refusal = new Refusal('log-entry-unknown', 'the record names no relay entry of this insurer', `${at}/relayLogEntryId`); // README finding 6
        if (!bug('report-appends-records-before-a-bad-one')) throw refusal;
        return { refusal };
      }
    }
    return { record: r, related };
  });
  const entryIds = [];
  for (const { record: r, related, refusal } of judged) {
    if (refusal) throw refusal; // the bug: the records before it are already appended
    const dedupe = `${caller.id} ${r.insurerEntryId}`;
    if (reported.has(dedupe)) {
      entryIds.push(reported.get(dedupe));
      continue;
    }
    const entry = append({
      recordedBy: caller.id, action: 'inquiry', requester: r.requester, provider: caller.id,
      personId: bug('report-entry-without-person') ? undefined : related?.personId,
      items: r.items, purpose: r.purpose, outcome: r.outcome, code: r.code, at: Date.parse(r.at),
      correlationId: r.correlationId, relatedEntryId: r.relayLogEntryId,
    });
    reported.set(dedupe, entry.entryId);
    entryIds.push(entry.entryId);
  }
  return respond(res, caller.id, claims.jti, { entryIds });
}

/** LOG-013: answered lookups and routed inquiries of the person no insurer entry reconciles yet. */
function unreconciled(personId) {
  const reconciled = new Set(chain.filter((e) => e.action === 'inquiry' && e.relatedEntryId).map((e) => e.relatedEntryId));
  const listed = bug('notice-entries-unreconciled') ? ['lookup', 'routed-inquiry', 'retroactive-change-notice'] : ['lookup', 'routed-inquiry'];
  return chain.filter((e) => e.personId === personId && e.recordedBy === SELF && listed.includes(e.action) && e.outcome === 'answered' && !reconciled.has(e.entryId))
    .map((e) => e.entryId);
}

async function personQuery(res, { caller, claims }) {
  const body = claims.body;
  if (!isString(body.personId) || !PERSON_ID.test(body.personId)) invalid('/personId'); // ID-010
  if (!people.some((p) => p.personId === body.personId)) refuse('person-unknown', 'no such person', '/personId'); // a person with no entries gets empty lists (README finding 9)
  let entries = chain.filter((e) => e.personId === body.personId);
  if (bug('person-query-newest-first')) entries = entries.slice().reverse();
  return respond(res, caller.id, claims.jti, { personId: body.personId, entries, unreconciled: unreconciled(body.personId) });
}

async function verification(res, { caller, claims }) {
  return respond(res, caller.id, claims.jti, verifyChain());
}

// ---------------------------------------------------------------------------------------------------------------
// Retroactive-change notices (§9.2.1)

const notices = new Map(); // `${insurer} ${noticeId}` → { requester, provider, logEntryId, receivedAt, notice, acknowledged }

async function retroactiveChangeNotice(res, { caller, claims }) {
  const n = claims.body;
  // ELG-018: the body.
  if (!isPrintableId(n.noticeId)) invalid('/noticeId');
  if (!isPartyId(n.requester)) invalid('/requester');
  if (!isPrintableId(n.relayLogEntryId)) invalid('/relayLogEntryId');
  if (!isPrintableId(n.insurerLogEntryId)) invalid('/insurerLogEntryId');
  if (!isCorrelationId(n.correlationId)) invalid('/correlationId');
  if (!isDate(n.serviceDate)) invalid('/serviceDate');
  if (n.previousStatus !== 'valid') invalid('/previousStatus');
  if (!STATUSES.includes(n.status) || n.status === 'valid') invalid('/status');
  if (present(n.disqualificationDate) && !isDate(n.disqualificationDate)) invalid('/disqualificationDate');
  if (present(n.reasonOfLoss) && !REASONS_OF_LOSS.includes(n.reasonOfLoss)) invalid('/reasonOfLoss');
  if (!isTimestamp(n.registeredAt)) invalid('/registeredAt');
  // ELG-019: a resend is answered as first accepted.
  const dedupe = `${caller.id} ${n.noticeId}`;
  const kept = notices.get(dedupe);
  if (kept) return respond(res, caller.id, claims.jti, { noticeId: n.noticeId, logEntryId: kept.logEntryId, receivedAt: bug('notice-resend-new-received-at') ? iso(Date.now()) : kept.receivedAt });
  // ELG-018: an answered lookup or routed inquiry of this insurer for this requester, which the insurer reported answered.
  const original = entryById(n.relayLogEntryId);
  const fits = original && original.recordedBy === SELF && ['lookup', 'routed-inquiry'].includes(original.action) && original.outcome === 'answered'
    && original.provider === caller.id && (original.requester === n.requester || bug('notice-requester-unchecked'));
  const answeredReport = chain.some((e) => e.recordedBy === caller.id && e.action === 'inquiry' && e.relatedEntryId === n.relayLogEntryId && e.outcome === 'answered');
  if (!fits || (!answeredReport && !bug('notice-without-reported-answer'))) {
    refuse('notice-entry-unknown', 'the notice names no answer of this insurer to this requester', '/relayLogEntryId');
  }
  // LOG-031: logged for the person before it is accepted.
  const entry = append({
    action: 'retroactive-change-notice', requester: n.requester, provider: caller.id, personId: original.personId,
    items: ['eligibility'], purpose: original.purpose, outcome: 'answered', correlationId: n.correlationId, relatedEntryId: n.relayLogEntryId,
  });
  const receivedAt = iso(Date.now());
  notices.set(dedupe, { requester: n.requester, provider: caller.id, logEntryId: entry.entryId, receivedAt, notice: n, acknowledged: false });
  return respond(res, caller.id, claims.jti, { noticeId: n.noticeId, logEntryId: entry.entryId, receivedAt });
}

async function noticePickup(res, { caller, claims }) {
  const body = claims.body;
  if (present(body.acknowledge) && (!Array.isArray(body.acknowledge) || body.acknowledge.length > 100)) invalid('/acknowledge');
  (body.acknowledge ?? []).forEach((id, i) => { if (!isPrintableId(id)) invalid(`/acknowledge/${i}`); });
  if (!isCorrelationId(body.correlationId)) invalid('/correlationId');
  // ELG-020: drop the caller's acknowledged notices first, then answer the rest, oldest first.
  const acknowledged = new Set(body.acknowledge ?? []);
  for (const kept of notices.values()) {
    if (acknowledged.has(kept.logEntryId) && (kept.requester === caller.id || bug('pickup-acknowledges-any-owner'))) kept.acknowledged = true;
  }
  const waiting = [...notices.values()].filter((k) => k.requester === caller.id && !k.acknowledged);
  const delivered = waiting.slice(0, 100).map((k) => ({ provider: k.provider, logEntryId: k.logEntryId, receivedAt: k.receivedAt, notice: k.notice }));
  return respond(res, caller.id, claims.jti, { notices: delivered, correlationId: body.correlationId });
}

// ---------------------------------------------------------------------------------------------------------------
// The reception check with the card (§13)

const cardsFile = JSON.parse(fs.readFileSync(path.join(vectors, 'relay-cards.json'), 'utf8'));
const cardAuthority = new crypto.X509Certificate(cardsFile.cardAuthority.certificate); // CLN-025: the trusted card CA
const normaliseSerial = (hex) => hex.toUpperCase().replace(/^0+(?=.)/, '');
const cards = new Map(cardsFile.cards.map((c) => [normaliseSerial(c.serialNumber), c])); // by serial: one card CA, the issuer (README finding 11)
const challenges = new Map(); // challenge → { clinic, issuedAt, expiresAt (ms), used }
const CHALLENGE_LIFETIME_MS = 60_000;

async function cardChallenge(res, { caller, claims }) {
  const body = claims.body;
  if (!isCorrelationId(body.correlationId)) invalid('/correlationId');
  const challenge = crypto.randomBytes(32).toString('base64url'); // CLN-001: 43 characters
  const issuedAt = Date.now();
  challenges.set(challenge, { clinic: caller.id, issuedAt, expiresAt: issuedAt + CHALLENGE_LIFETIME_MS, used: false });
  return respond(res, caller.id, claims.jti, { challenge, expiresAt: iso(issuedAt + CHALLENGE_LIFETIME_MS), correlationId: body.correlationId });
}

/** notAfter plus three calendar months (CLN-017), the day clamped to the month's end. */
function graceEnd(notAfterMs) {
  const d = new Date(notAfterMs);
  const day = d.getUTCDate();
  const end = new Date(d);
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + 3);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end.getTime();
}

function isB64urlNoPad(s, maxBytes) {
  return isString(s) && s.length > 0 && B64URL.test(s) && s.length % 4 !== 1 && Buffer.from(s, 'base64url').length <= maxBytes;
}

async function cardEligibility(res, { caller, claims }) {
  const body = claims.body;
  // CLN-002
  if (!(isString(body.challenge) && body.challenge.length === 43 && B64URL.test(body.challenge))) invalid('/challenge');
  if (!isB64urlNoPad(body.certificate, 8192)) invalid('/certificate');
  if (!isB64urlNoPad(body.signature, 1024)) invalid('/signature');
  if (!isDate(body.serviceDate) || body.serviceDate > todayInJapan()) invalid('/serviceDate');
  if (!isCorrelationId(body.correlationId)) invalid('/correlationId');
  const logged = { action: 'routed-inquiry', requester: caller.id, items: ['eligibility'], purpose: 'eligibility-check', correlationId: body.correlationId };
  let personId;
  let certificate;
  try {
    // CLN-010 … CLN-019, in order; the first failure decides.
    const issued = challenges.get(body.challenge);
    if (!issued || (issued.clinic !== caller.id && !bug('challenge-not-bound-to-clinic'))) refuse('card-challenge-unknown', 'the challenge was not issued to this clinic', '/challenge');
    const expiresAt = bug('challenge-expiry-uses-envelope-lifetime') ? issued.issuedAt + 120_000 : issued.expiresAt;
    if (Date.now() >= expiresAt) refuse('card-challenge-expired', 'the challenge has expired', '/challenge');
    if (issued.used) refuse('card-challenge-replayed', 'the challenge was already presented', '/challenge');
    issued.used = true; // CLN-012: used up whatever the outcome
    try {
      certificate = new crypto.X509Certificate(Buffer.from(body.certificate, 'base64url'));
    } catch {
      refuse('card-certificate-malformed', 'the certificate is not a DER X.509 certificate', '/certificate');
    }
    const key = certificate.publicKey;
    if (key.asymmetricKeyType !== 'rsa' || key.asymmetricKeyDetails.modulusLength < 2048) refuse('card-certificate-malformed', 'the certificate has no RSA key of at least 2048 bits', '/certificate');
    if (!certificate.checkIssued(cardAuthority) || !certificate.verify(cardAuthority.publicKey)) refuse('card-ca-unknown', 'the certificate was not issued by a trusted card CA', '/certificate');
    const signedBytes = Buffer.from(['chukei-card-auth/1', body.challenge, caller.id, body.serviceDate].join('\n'), 'ascii'); // CLN-003
    const signatureOk = crypto.verify('sha256', signedBytes, { key, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(body.signature, 'base64url'));
    if (!signatureOk) refuse('card-signature-invalid', 'the card signature does not verify', '/signature');
    const card = cards.get(normaliseSerial(certificate.serialNumber));
    if (!bug('card-refusals-logged-without-person')) personId = card?.personId;
    const now = Date.now();
    if (Date.parse(certificate.validFrom) > now + 60_000) refuse('card-certificate-not-yet-valid', 'the certificate is not yet valid', '/certificate');
    const notAfter = Date.parse(certificate.validTo);
    if (graceEnd(notAfter) <= now) refuse('card-certificate-expired', 'the certificate expired more than three months ago', '/certificate');
    if (card?.revoked) refuse('card-certificate-revoked', 'the certificate is revoked', '/certificate');
    if (!card) refuse('card-holder-unknown', 'no person is registered for this card', '/certificate');
    personId = card.personId;
  } catch (e) {
    if (e instanceof Refusal && e.code.startsWith('card-')) append({ ...logged, personId, outcome: 'refused', code: e.code }); // CLN-023
    throw e;
  }
  const notAfter = Date.parse(certificate.validTo);
  const withinGrace = notAfter <= Date.now() && !bug('card-grace-status-valid');
  const r = resolve([personId], 'medical', body.serviceDate); // CLN-021: enrolments covering the service date
  const entry = append({ ...logged, provider: r.target?.id, personId, outcome: r.outcome === 'found' ? 'answered' : 'not-found' });
  const answer = { outcome: r.outcome, certificateStatus: withinGrace ? 'expired-within-grace' : 'valid', certificateNotAfter: iso(notAfter), serviceDate: body.serviceDate };
  if (r.outcome === 'found') {
    const seal = await issueSeal({ target: r.target, enrolment: r.enrolment, requester: caller.id, purpose: 'eligibility-check', routed: true, txn: entry.entryId });
    const targetAnswer = await forward(r.target, caller.id, { seal, items: ['eligibility'], serviceDate: body.serviceDate, correlationId: body.correlationId }, entry, body.correlationId);
    Object.assign(answer, { target: targetParty(r.target), asOf: iso(r.enrolment.registeredAt), targetAnswer });
  }
  Object.assign(answer, { logEntryId: entry.entryId, correlationId: body.correlationId });
  return respond(res, caller.id, claims.jti, answer);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

const HANDLERS = {
  '/v1/lookups': lookup,
  '/v1/routed-inquiries': routedInquiry,
  '/v1/enrolments': enrolment,
  '/v1/access-log/reports': accessLogReport,
  '/v1/access-log/person-queries': personQuery,
  '/v1/access-log/verifications': verification,
  '/v1/retroactive-change-notices': retroactiveChangeNotice,
  '/v1/retroactive-change-notices/pickups': noticePickup,
  '/v1/card-challenges': cardChallenge,
  '/v1/card-eligibility': cardEligibility,
};

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve({ tooLarge, body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ tooLarge, body: Buffer.concat(chunks) }));
  });
}

async function get(res, pathname) {
  const send = (contentType, text) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  if (pathname === '/.well-known/jwks.json') return send('application/json', JSON.stringify(jwks()));
  if (pathname === '/v1/directory') return send('application/jose', await directoryJws());
  if (pathname === '/v1/access-log/checkpoints/latest') return send('application/jose', (await signCheckpoint()).token); // LOG-020: on every call (README finding 7)
  return problem(res, 'not-found', `no GET ${pathname} here`);
}

const server = http.createServer(async (req, res) => {
  let correlationId;
  try {
    const pathname = new URL(req.url, 'http://x').pathname;
    if (req.method === 'GET') {
      await readBody(req);
      return await get(res, pathname);
    }
    const handler = HANDLERS[pathname];
    if (!handler || req.method !== 'POST') {
      await readBody(req);
      return problem(res, 'not-found', `no ${req.method} ${pathname} here`); // ERR-006
    }
    const { tooLarge, body } = await readBody(req);
    if (tooLarge) return problem(res, 'body-too-large', 'the body is larger than 65 536 bytes'); // ERR-003
    // ERR-009: envelope, role, body record, then the endpoint's rules.
    const auth = authenticate(req, body);
    correlationId = auth.correlationId;
    if (!ENDPOINTS[pathname].includes(auth.caller.role)) refuse('role-not-allowed', `role ${auth.caller.role} may not call ${pathname}`, 'role'); // field: README finding 12
    return await handler(res, auth);
  } catch (e) {
    if (e instanceof Refusal) return problem(res, e.code, e.message, e.field, e.correlationId ?? correlationId);
    console.error(e);
    if (!res.headersSent) problem(res, 'internal-error', 'the relay failed to process the request', undefined, correlationId);
  }
});

server.listen(config.port, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}`;
  me().baseUrl = url; // the directory lists where this relay listens (README finding 1)
  console.log(`listening ${url}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
