// A clinic for protocol chukei/1 (the reception eligibility check with the card, §13), written from
// docs/protocol.md, docs/clinic.md, docs/virtual-card.md, docs/test-vectors/clinic-kit.json and conformance/README.md
// alone, outside the kit's assemblies. It plays clinic.chukei.test behind the kit's HTTP driver contract:
//   POST /checks          {checkId, readerUrl, pin, serviceDate, relayUrl} → {conclusion, reason, pinTriesLeft, log, renewalAlert}
//   POST /notice-pickups  {relayUrl} → {notices: [...]} (ELG-021)
// BUG=<name> switches on one seeded bug (bugs.json lists them); without it the clinic is meant to be correct.
//
//   node clinic.js [--port 0] [--relay-timeout-ms 20000] [--bug <name>]
//   env: PORT, RELAY_TIMEOUT_MS, BUG=<name>
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
const kit = JSON.parse(fs.readFileSync(path.resolve(here, '../../../docs/test-vectors/clinic-kit.json'), 'utf8'));
const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'relay-timeout-ms': { type: 'string' },
    bug: { type: 'string' },
  },
});
const config = {
  port: Number(args.port ?? process.env.PORT ?? 0),
  relayTimeoutMs: Number(args['relay-timeout-ms'] ?? process.env.RELAY_TIMEOUT_MS ?? 20_000),
  bug: args.bug ?? process.env.BUG ?? '',
};
const knownBugs = JSON.parse(fs.readFileSync(path.join(here, 'bugs.json'), 'utf8')).bugs.map((b) => b.name);
if (config.bug && !knownBugs.includes(config.bug)) {
  console.error(`unknown BUG '${config.bug}'; known: ${knownBugs.join(', ')}`);
  process.exit(2);
}
const bug = (name) => config.bug === name;

const SELF = kit.clinic.partyId;
const directory = kit.directory;
const RELAY = directory.relay;
const SKEW = 60;
const FORBIDDEN_HEADERS = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crit', 'zip', 'b64'];
// CLN-040: at least 10 s for the relay's answer (the relay may itself wait 10 s for the insurer).
const relayTimeoutMs = () => (bug('relay-timeout-5s') ? 5_000 : Math.max(config.relayTimeoutMs, 10_000));

// §10.3: every failure code and its status; the card-* ones are the card problems of CLN-037.
const KNOWN_CODES = new Set([
  'malformed-json', 'body-too-large', 'json-too-deep', 'invalid-field', 'unsupported-media-type', 'not-found',
  'internal-error', 'auth-malformed', 'auth-algorithm', 'auth-key-unknown', 'auth-key-revoked', 'auth-signature-invalid',
  'auth-issuer-mismatch', 'auth-audience', 'auth-expired', 'auth-not-yet-valid', 'auth-replayed', 'auth-target-mismatch',
  'role-not-allowed', 'seal-malformed', 'seal-header-forbidden', 'seal-encryption-algorithm', 'seal-recipient-key',
  'seal-decrypt-failed', 'seal-not-nested', 'seal-signature-algorithm', 'seal-type', 'seal-key-unknown', 'seal-key-revoked',
  'seal-signature-invalid', 'seal-claims', 'seal-issuer', 'seal-audience', 'seal-expired', 'seal-not-yet-valid',
  'seal-lifetime', 'seal-replayed', 'seal-requester-mismatch', 'purpose-not-allowed', 'items-not-allowed',
  'subject-not-owned', 'target-unavailable', 'target-refused', 'log-entry-unknown', 'person-unknown',
  'insurer-number-not-owned', 'notice-entry-unknown', 'card-challenge-unknown', 'card-challenge-expired',
  'card-challenge-replayed', 'card-certificate-malformed', 'card-ca-unknown', 'card-signature-invalid',
  'card-certificate-not-yet-valid', 'card-certificate-expired', 'card-certificate-revoked', 'card-holder-unknown',
]);
const CARD_CODES = new Set([...KNOWN_CODES].filter((c) => c.startsWith('card-')));
// What a receptionist is told when the relay's problem carries no code we know (ERR-008: by the status class).
const TITLE_WORDS = /card|certificate/i;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const nowSeconds = () => Math.floor(Date.now() / 1000);
const B64URL = /^[A-Za-z0-9_-]*$/;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const freshJti = () => crypto.randomBytes(16).toString('hex');
const hex = (bytes) => Buffer.from(bytes).toString('hex').toUpperCase();
const spaced = (h) => h.match(/.{1,2}/g)?.join(' ') ?? '';
const addDays = (date, days) => new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

function b64urlDecode(part) {
  if (typeof part !== 'string' || !B64URL.test(part) || part.length % 4 === 1) return null;
  return Buffer.from(part, 'base64url');
}

/** The JSON object of a base64url part with a flag for a repeated top-level member, or null. */
function decodeJsonPart(part) {
  const bytes = b64urlDecode(part);
  if (bytes === null) return null;
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return { value, duplicate: hasDuplicateMember(text) };
}

/** A crude scan for a member name repeated within one object (AUTH-002 for headers, §1.5 for claims). */
function hasDuplicateMember(text) {
  const stack = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && top.object && expectKey) {
        const key = text.slice(i + 1, j);
        if (top.keys.has(key)) return true;
        top.keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ object: c === '{', keys: new Set() });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      if (stack[stack.length - 1]?.object) expectKey = true;
    }
  }
  return false;
}

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
// Keys, envelopes (§5)

const signing = kit.clinic.keys.find((k) => k.use === 'sig' && k.status === 'active');
const signingKey = await jose.importJWK(signing.jwk, 'ES256');

function findKey(kid) {
  for (const party of directory.parties) {
    const key = party.keys.find((k) => k.kid === kid);
    if (key) return { party, key };
  }
  return null;
}

/** AUTH-012: a request envelope for `url` at the relay. */
async function signRequest(url, body) {
  const iat = nowSeconds();
  const jti = freshJti();
  const htu = new URL(url).pathname;
  const token = await new jose.CompactSign(Buffer.from(JSON.stringify({ iss: SELF, aud: RELAY, iat, exp: iat + 60, jti, htm: 'POST', htu, body })))
    .setProtectedHeader({ alg: 'ES256', typ: 'chukei-req+jwt', kid: signing.kid })
    .sign(signingKey);
  return { token, jti };
}

/**
 * A response envelope (AUTH-014 for the relay's, RLY-025 for a forwarded insurer's), verified: the claims, or a
 * string saying why not. `inResponseTo` is compared only when `requestJti` is given (RLY-025 does not compare it).
 */
function verifyResponse(text, { iss, requestJti, skipSignature = false, skipAudience = false, skipTimes = false, issFromKid = false }) {
  if (typeof text !== 'string') return 'not a string';
  const parts = text.trim().split('.');
  if (parts.length !== 3) return 'not a compact JWS';
  const header = decodeJsonPart(parts[0]);
  if (!header || !isObject(header.value)) return 'header is not a JSON object';
  if (header.duplicate) return 'header repeats a member';
  const h = header.value;
  const forbidden = FORBIDDEN_HEADERS.find((m) => m in h);
  if (forbidden) return `header carries ${forbidden}`;
  if (h.alg !== 'ES256') return `alg ${h.alg}`;
  if (h.typ !== 'chukei-res+jwt') return `typ ${h.typ}`;
  const found = findKey(h.kid);
  if (!found || found.key.use !== 'sig') return `kid ${h.kid} is no signing key of the directory`;
  if (found.key.status === 'revoked' || found.party.revoked === true) return `kid ${h.kid} is revoked`;
  if (issFromKid) iss = found.party.id;
  if (!skipSignature) {
    if (found.party.id !== iss) return `kid ${h.kid} belongs to ${found.party.id}, not ${iss}`;
    if (!verifyEs256(found.key, `${parts[0]}.${parts[1]}`, b64urlDecode(parts[2]))) return 'the signature does not verify';
  }
  const claims = decodeJsonPart(parts[1]);
  const c = claims?.value;
  if (!isObject(c) || claims.duplicate) return 'claims are not a JSON object';
  if (c.iss !== iss) return `iss ${c.iss}, not ${iss}`;
  if (!skipAudience && c.aud !== SELF) return `aud ${c.aud}`;
  if (requestJti !== undefined && c.inResponseTo !== requestJti) return `inResponseTo ${c.inResponseTo}, not ${requestJti}`;
  if ('htm' in c || 'htu' in c) return 'a response carries htm/htu';
  const now = nowSeconds();
  if (!Number.isInteger(c.exp) || !Number.isInteger(c.iat) || typeof c.jti !== 'string') return 'iat, exp or jti missing';
  if (!skipTimes) {
    if (now >= c.exp + SKEW) return 'expired';
    if (now < c.iat - SKEW) return 'not yet valid';
    if (c.exp - c.iat > 120) return 'lifetime over 120 s';
  }
  if (!isObject(c.body)) return 'no body';
  return c;
}

// ---------------------------------------------------------------------------------------------------------------
// The relay (§13.2, §13.4, §9.2.1)

class RelayFailure extends Error {
  constructor(conclusion, reason, detail) {
    super(detail ?? reason);
    this.conclusion = conclusion;
    this.reason = reason;
  }
}

/**
 * POSTs a signed request to the relay once (CLN-040: never re-sent) and returns the verified answer body; a refusal
 * or anything unusable throws a RelayFailure carrying the conclusion (ERR-008, CLN-037).
 */
async function callRelay(relayUrl, endpoint, body, log) {
  const url = new URL(endpoint, relayUrl).toString();
  const attempt = async () => {
    const { token, jti } = await signRequest(url, body);
    log.push(`→ POST ${new URL(url).pathname} (jti ${jti})`);
    let res;
    let text;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: token,
        signal: AbortSignal.timeout(relayTimeoutMs()),
      });
      text = await res.text();
    } catch (e) {
      log.push(`← no answer from the relay: ${e.name === 'TimeoutError' ? 'timed out' : e.cause?.code ?? e.message}`);
      throw new RelayFailure('relay-problem', 'relay-unreachable');
    }
    log.push(`← ${res.status} ${res.headers.get('content-type') ?? ''}`);
    return { res, text, jti };
  };
  let { res, text, jti } = await attempt();
  if (bug('retries-503-once') && res.status === 503) ({ res, text, jti } = await attempt());
  if (res.status === 200) {
    const unverified = bug('relay-signature-not-verified')
      || (bug('challenge-answer-not-verified') && endpoint === 'v1/card-challenges')
      || (bug('pickup-answer-not-verified') && endpoint === 'v1/retroactive-change-notices/pickups');
    const claims = unverified
      ? verifyResponse(text, { iss: RELAY, requestJti: jti, skipSignature: true })
      : verifyResponse(text, {
        iss: RELAY,
        requestJti: bug('in-response-to-not-checked') ? undefined : jti,
        skipAudience: bug('relay-aud-not-checked'),
        skipTimes: bug('relay-times-not-checked'),
      });
    if (typeof claims === 'string') {
      log.push(`relay answer refused (AUTH-014): ${claims}`);
      throw new RelayFailure('relay-problem', 'answer-mismatch');
    }
    return claims.body;
  }
  throw problemFailure(res, text, log);
}

/** ERR-008: a refusal is read by its code, never its title; an unknown code by its HTTP status class. */
function problemFailure(res, text, log) {
  let problem = null;
  try {
    problem = JSON.parse(text);
  } catch {
    problem = null;
  }
  const code = isObject(problem) && typeof problem.code === 'string' ? problem.code : null;
  log.push(`relay refused: status ${res.status}, code ${code ?? '(none)'}`);
  if (bug('decides-on-title')) {
    const title = isObject(problem) && typeof problem.title === 'string' ? problem.title : '';
    return new RelayFailure(TITLE_WORDS.test(title) ? 'card-problem' : 'relay-problem', code ?? `http-${res.status}`);
  }
  if (code !== null && KNOWN_CODES.has(code)) {
    if (bug('target-unavailable-not-insured') && code === 'target-unavailable') return new RelayFailure('not-eligible', code);
    if (bug('target-refused-card-problem') && code === 'target-refused') return new RelayFailure('card-problem', code);
    return new RelayFailure(CARD_CODES.has(code) ? 'card-problem' : 'relay-problem', code);
  }
  // Unknown (or no) code: by the status class. CLN-037 leaves a clinic only "card-*" as a card problem; a 4xx or 5xx
  // the clinic cannot read is a problem with the relay.
  if (bug('unknown-code-card-problem') && res.status >= 400 && res.status < 500) return new RelayFailure('card-problem', code ?? `http-${res.status}`);
  return new RelayFailure('relay-problem', code ?? `http-${res.status}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The card (JPKI-AP through the kit's card reader over HTTP)

class CardFailure extends Error {
  constructor(reason, pinTriesLeft) {
    super(reason);
    this.reason = reason;
    this.pinTriesLeft = pinTriesLeft;
  }
}

const JPKI_AID = 'D392F000260100000001';
const DIGEST_INFO_SHA256 = Buffer.from('3031300d060960864801650304020105000420', 'hex');

class Card {
  constructor(readerUrl, log) {
    this.readerUrl = readerUrl.endsWith('/') ? readerUrl : readerUrl + '/';
    this.log = log;
  }

  /** CLN-039: VERIFY data is masked wherever APDUs are recorded. */
  masked(apdu) {
    if (apdu.startsWith('00200080') && apdu.length > 10 && !bug('logs-verify-unmasked')) {
      return spaced(apdu.slice(0, 10)) + ' ' + '** '.repeat((apdu.length - 10) / 2).trim();
    }
    return spaced(apdu);
  }

  /**
   * One command and its answer. Under T=0 (ISO 7816-3/4) a card announces response data with 61xx (xx bytes, 00 for
   * 256), fetched with GET RESPONSE; the answer returned is the data collected and the last status word.
   */
  async transmit(apdu) {
    let { data, sw } = await this.exchange(apdu);
    const parts = [data];
    while ((sw & 0xff00) === 0x6100 && !bug('no-get-response')) {
      ({ data, sw } = await this.exchange('00C00000' + (sw & 0xff).toString(16).toUpperCase().padStart(2, '0')));
      parts.push(data);
    }
    return { data: Buffer.concat(parts), sw };
  }

  async exchange(apdu) {
    this.log.push(`> ${this.masked(apdu)}`);
    let res;
    let answer;
    try {
      res = await fetch(new URL('transmit', this.readerUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apdu }),
        signal: AbortSignal.timeout(30_000),
      });
      answer = await res.json();
    } catch (e) {
      this.log.push(`< transport failure: ${e.message}`);
      throw new CardFailure('card-error');
    }
    if (res.status === 409) {
      this.log.push('< card removed');
      throw new CardFailure('card-removed');
    }
    if (res.status !== 200 || typeof answer?.response !== 'string' || answer.response.length < 4) {
      this.log.push(`< reader error ${res.status} ${answer?.code ?? ''}`);
      throw new CardFailure('card-error');
    }
    const response = Buffer.from(answer.response, 'hex');
    const sw = response.readUInt16BE(response.length - 2);
    const data = response.subarray(0, response.length - 2);
    this.log.push(`< ${data.length ? `${data.length} bytes ` : ''}${sw.toString(16).toUpperCase().padStart(4, '0')}`);
    return { data, sw };
  }

  async atr() {
    try {
      const res = await fetch(this.readerUrl, { signal: AbortSignal.timeout(10_000) });
      return (await res.json()).atr ?? '';
    } catch {
      return '';
    }
  }
}

async function select(card, apdu, reasonOnFailure) {
  const { sw } = await card.transmit(apdu);
  if (sw !== 0x9000) throw new CardFailure(reasonOnFailure);
}

// The bug reuses-certificate-after-removal: certificates cached by the card's ATR, across checks.
const certificateCache = new Map();
// The bug reuses-challenge: challenges kept per relay URL, across checks.
const challengeCache = new Map();

/** CLN-033: EF 000A read in chunks; the certificate is used only when the whole DER object was read and parses. */
async function readCertificate(card) {
  await select(card, '00A4020C02000A', 'not-a-jpki-card');
  const head = await card.transmit('00B0000004');
  if (head.sw !== 0x9000 || head.data.length !== 4 || head.data[0] !== 0x30) throw new CardFailure('certificate-unreadable');
  let total;
  if (head.data[1] < 0x80) total = 2 + head.data[1];
  else if (head.data[1] === 0x81) total = 3 + head.data[2];
  else if (head.data[1] === 0x82) total = 4 + head.data.readUInt16BE(2);
  else throw new CardFailure('certificate-unreadable');
  const chunks = [];
  let offset = 0;
  while (offset < total) {
    const want = Math.min(256, total - offset);
    const apdu = '00B0' + offset.toString(16).toUpperCase().padStart(4, '0') + (want & 0xff).toString(16).toUpperCase().padStart(2, '0');
    const { data, sw } = await card.transmit(apdu);
    if (sw !== 0x9000 && !(sw === 0x6282 && bug('uses-partial-certificate'))) {
      // 6282 (end of file before Le bytes), 6B00 (offset past the end), anything else: a partial read, discarded.
      throw new CardFailure('certificate-unreadable');
    }
    if (data.length === 0) {
      if (bug('uses-partial-certificate')) break;
      throw new CardFailure('certificate-unreadable');
    }
    chunks.push(data);
    offset += data.length;
    if (data.length < want && bug('uses-partial-certificate')) break;
  }
  const der = Buffer.concat(chunks);
  if (bug('uses-partial-certificate')) return { der, notAfter: null };
  if (der.length !== total) throw new CardFailure('certificate-unreadable');
  try {
    const certificate = new crypto.X509Certificate(der);
    return { der, notAfter: new Date(certificate.validTo) };
  } catch {
    throw new CardFailure('certificate-unreadable');
  }
}

/** CLN-031, CLN-032: the retry counter first; one VERIFY with the PIN entered; 63Cx is reported, never retried. */
async function verifyPin(card, pin) {
  await select(card, '00A4020C020018', 'not-a-jpki-card');
  if (!bug('no-counter-query')) {
    const { sw } = await card.transmit('00200080');
    if (sw === 0x63c0 || (sw === 0x6983 && !bug('blocked-6983-not-recognised')) || sw === 0x6984) throw new CardFailure('pin-blocked', 0);
    if ((sw & 0xfff0) !== 0x63c0 && sw !== 0x9000 && !(sw === 0x6983 && bug('blocked-6983-not-recognised'))) throw new CardFailure('card-error');
  }
  const data = Buffer.from(pin, 'ascii').toString('hex').toUpperCase();
  const command = '0020008004' + data;
  let { sw } = await card.transmit(command);
  if ((sw & 0xfff0) === 0x63c0 && (sw & 0x0f) > 0 && bug('second-verify-after-63cx')) ({ sw } = await card.transmit(command));
  if (sw === 0x9000) return;
  if ((sw & 0xfff0) === 0x63c0) throw new CardFailure((sw & 0x0f) === 0 ? 'pin-blocked' : 'pin-wrong', sw & 0x0f);
  if (sw === 0x6983 || sw === 0x6984) throw new CardFailure('pin-blocked', 0);
  throw new CardFailure('card-error');
}

/** CLN-003, CLN-035: one SIGN of the DigestInfo of SHA-256 over the signed bytes. */
async function sign(card, signedBytes) {
  await select(card, '00A4020C020017', 'not-a-jpki-card');
  const digestInfo = Buffer.concat([DIGEST_INFO_SHA256, crypto.createHash('sha256').update(signedBytes).digest()]);
  const command = '802A0080' + digestInfo.length.toString(16).toUpperCase().padStart(2, '0') + hex(digestInfo) + '00';
  let { data, sw } = await card.transmit(command);
  if (sw !== 0x9000 && bug('second-sign-on-error')) ({ data, sw } = await card.transmit(command));
  if (sw !== 0x9000 || data.length === 0) throw new CardFailure('card-error');
  return data;
}

// ---------------------------------------------------------------------------------------------------------------
// The reception check (§13.1, §13.5)

const receptions = []; // { correlationId, relayLogEntryId, serviceDate, conclusion, superseded }
const acceptedTargetAnswers = new Map(); // RLY-025: `${iss} ${jti}` → forget after (seconds)
const heldNotices = new Map(); // ELG-021: notice logEntryId → held notice
const heldList = []; // every notice held, as stored (the bug stores-redelivered-notice-twice adds duplicates)
const toAcknowledge = new Set();

function forgetExpired() {
  const now = nowSeconds();
  for (const [key, until] of acceptedTargetAnswers) if (until < now) acceptedTargetAnswers.delete(key);
}

const THREE_MONTHS_MS = 92 * 86_400_000;

async function check({ readerUrl, pin, serviceDate, relayUrl }) {
  const log = [];
  const correlationId = `rcpt-${crypto.randomUUID()}`;
  let renewalAlert;
  const verdict = (conclusion, reason, extra = {}) => ({ conclusion, ...(reason ? { reason } : {}), ...extra, ...(renewalAlert === undefined ? {} : { renewalAlert }), log });
  log.push(`check ${correlationId}: service date ${serviceDate}, PIN ${'*'.repeat(typeof pin === 'string' ? pin.length : 0)}`);

  // CLN-030: exactly 4 ASCII digits, checked before any APDU.
  const pinPattern = bug('pin-format-loose') ? /\d{4}/ : /^[0-9]{4}$/;
  if (typeof pin !== 'string' || !pinPattern.test(pin)) return verdict('card-problem', 'pin-format');

  const card = new Card(readerUrl, log);
  let certificate;
  try {
    await select(card, '00A4040C0A' + JPKI_AID, 'not-a-jpki-card');
    const atr = bug('reuses-certificate-after-removal') ? await card.atr() : '';
    certificate = bug('reuses-certificate-after-removal') && certificateCache.get(atr);
    if (!certificate) {
      certificate = await readCertificate(card);
      if (bug('reuses-certificate-after-removal')) certificateCache.set(atr, certificate);
    }
    if (certificate.notAfter) renewalAlert = certificate.notAfter.getTime() - Date.now() < THREE_MONTHS_MS; // CLN-038
    await verifyPin(card, pin);
  } catch (e) {
    if (!(e instanceof CardFailure)) throw e;
    return verdict('card-problem', e.reason, e.pinTriesLeft === undefined ? {} : { pinTriesLeft: e.pinTriesLeft });
  }

  // The date signed and sent. The bug service-date-sent-day-before reads the date as a Japanese midnight and takes the
  // UTC date of that instant.
  const sentDate = bug('service-date-sent-day-before') ? new Date(`${serviceDate}T00:00:00+09:00`).toISOString().slice(0, 10) : serviceDate;
  const signedDate = bug('service-date-signed-day-before') ? addDays(serviceDate, -1) : sentDate;

  let answer;
  try {
    // The bug reuses-challenge keeps a challenge per relay for its 60 s lifetime and signs it again.
    let challenge = bug('reuses-challenge') ? challengeCache.get(relayUrl) : undefined;
    if (!challenge) {
      challenge = await callRelay(relayUrl, 'v1/card-challenges', { correlationId }, log);
      if (typeof challenge.challenge !== 'string' || challenge.correlationId !== correlationId) {
        log.push('challenge answer unusable');
        return verdict('relay-problem', 'answer-mismatch');
      }
      if (bug('reuses-challenge')) challengeCache.set(relayUrl, challenge);
    }
    const signedBytes = Buffer.from(['chukei-card-auth/1', challenge.challenge, SELF, signedDate].join('\n'), 'ascii');
    let signature;
    try {
      signature = await sign(card, signedBytes);
    } catch (e) {
      if (!(e instanceof CardFailure)) throw e;
      return verdict('card-problem', e.reason);
    }
    answer = await callRelay(relayUrl, 'v1/card-eligibility', {
      challenge: challenge.challenge,
      certificate: certificate.der.toString('base64url'),
      signature: Buffer.from(signature).toString('base64url'),
      serviceDate: sentDate,
      correlationId,
    }, log);
  } catch (e) {
    if (!(e instanceof RelayFailure)) throw e;
    return verdict(e.conclusion, e.reason);
  }
  return conclude(answer, correlationId, serviceDate, log, verdict, (alert) => { renewalAlert = alert; });
}

/** CLN-036, CLN-037: the answer's conclusion, after the forwarded insurer answer verified (RLY-025). */
function conclude(answer, correlationId, serviceDate, log, verdict, setRenewalAlert) {
  if (answer.correlationId !== correlationId || typeof answer.logEntryId !== 'string') {
    log.push('card-eligibility answer does not belong to this check');
    return verdict('relay-problem', 'answer-mismatch');
  }
  if (typeof answer.certificateNotAfter === 'string') {
    const notAfter = Date.parse(answer.certificateNotAfter);
    setRenewalAlert(bug('no-renewal-alert-after-expiry')
      ? Number.isFinite(notAfter) && notAfter > Date.now() && notAfter - Date.now() < THREE_MONTHS_MS
      : answer.certificateStatus === 'expired-within-grace' || (Number.isFinite(notAfter) && notAfter - Date.now() < THREE_MONTHS_MS));
  }
  log.push(`outcome ${answer.outcome}, certificate ${answer.certificateStatus}, entry ${answer.logEntryId}`);
  const reception = { correlationId, relayLogEntryId: answer.logEntryId, serviceDate, conclusion: null, superseded: null };
  receptions.push(reception);
  const done = (conclusion, reason) => {
    reception.conclusion = conclusion;
    return verdict(conclusion, reason);
  };
  if (answer.outcome === 'no-current-coverage' || answer.outcome === 'multiple-matches') {
    if (bug('no-current-coverage-relay-problem') && answer.outcome === 'no-current-coverage') return done('relay-problem', answer.outcome);
    if (bug('multiple-matches-relay-problem') && answer.outcome === 'multiple-matches') return done('relay-problem', answer.outcome);
    return done('not-eligible', answer.outcome);
  }
  if (bug('grace-as-card-problem') && answer.certificateStatus === 'expired-within-grace') return done('card-problem', 'card-certificate-expired');
  if (answer.outcome !== 'found' || !isObject(answer.target) || typeof answer.target.partyId !== 'string') return done('relay-problem', 'answer-mismatch');

  // RLY-025: the insurer named in target signed it, for this clinic; not seen before; our correlation id, the relay's entry.
  const targetId = answer.target.partyId;
  const claims = verifyResponse(answer.targetAnswer, {
    iss: targetId,
    skipAudience: bug('target-aud-not-checked'),
    issFromKid: bug('target-iss-from-kid'),
    skipSignature: bug('target-signature-not-verified'),
    skipTimes: bug('target-times-not-checked'),
  });
  if (typeof claims === 'string') {
    log.push(`target answer refused (RLY-025): ${claims}`);
    return done('relay-problem', 'answer-mismatch');
  }
  forgetExpired();
  const replayKey = bug('replay-cache-by-jti-only') ? claims.jti : `${claims.iss} ${claims.jti}`;
  if (acceptedTargetAnswers.has(replayKey) && !bug('no-target-replay-cache')) {
    log.push('target answer refused (RLY-025): auth-replayed');
    return done('relay-problem', 'auth-replayed');
  }
  const body = claims.body;
  if (body.correlationId !== correlationId && !bug('target-correlation-not-checked')) {
    log.push(`target answer refused (RLY-025): correlationId ${body.correlationId}`);
    return done('relay-problem', 'answer-mismatch');
  }
  const sameEntry = bug('log-entry-compared-case-insensitively')
    ? String(body.relayLogEntryId).toLowerCase() === String(answer.logEntryId).toLowerCase()
    : body.relayLogEntryId === answer.logEntryId;
  if (!sameEntry && !bug('target-log-entry-not-checked')) {
    log.push(`target answer refused (RLY-025): relayLogEntryId ${body.relayLogEntryId}, logEntryId ${answer.logEntryId}`);
    return done('relay-problem', 'answer-mismatch');
  }
  acceptedTargetAnswers.set(replayKey, claims.exp + SKEW);
  log.push(`insurer ${targetId}: status ${body.status}, changePending ${body.changePending}, asOf ${body.asOf}`);
  if (bug('only-invalid-not-eligible') && body.status !== 'valid' && body.status !== 'invalid') return done('relay-problem', 'unknown-status');
  if (body.status === 'valid') {
    if (body.changePending === true && !bug('change-pending-ignored')) return done('eligible-provisional', 'change-pending');
    return done('eligible');
  }
  return done('not-eligible', typeof body.status === 'string' ? body.status : 'unknown-status');
}

// ---------------------------------------------------------------------------------------------------------------
// Retroactive-change notices (§9.2.1, ELG-020, ELG-021)

async function pickUp(relayUrl) {
  const log = [];
  const pickup = async () => {
    const acknowledge = [...toAcknowledge].slice(0, 100);
    const body = await callRelay(relayUrl, 'v1/retroactive-change-notices/pickups', { acknowledge, correlationId: `pickup-${crypto.randomUUID()}` }, log);
    for (const id of acknowledge) toAcknowledge.delete(id);
    return Array.isArray(body.notices) ? body.notices : [];
  };
  let delivered;
  try {
    delivered = await pickup();
  } catch (e) {
    if (!(e instanceof RelayFailure)) throw e;
    console.error(`notice pickup failed: ${e.reason} (${log.join('; ')})`);
    return heldList;
  }
  let stored = 0;
  for (const d of delivered) {
    if (!isObject(d) || typeof d.logEntryId !== 'string' || !isObject(d.notice)) continue;
    if (heldNotices.has(d.logEntryId) && !bug('stores-redelivered-notice-twice')) {
      toAcknowledge.add(d.logEntryId); // the same notice again: acknowledge it again, hold it once
      continue;
    }
    const n = d.notice;
    const reception = receptions.find((r) => r.correlationId === n.correlationId && (r.relayLogEntryId === n.relayLogEntryId || bug('notice-matched-by-correlation-only')));
    const held = {
      noticeLogEntryId: d.logEntryId,
      correlationId: reception?.correlationId ?? n.correlationId,
      relayLogEntryId: reception?.relayLogEntryId ?? n.relayLogEntryId,
      serviceDate: reception?.serviceDate ?? n.serviceDate,
      status: n.status,
      ...(typeof n.disqualificationDate === 'string' ? { disqualificationDate: n.disqualificationDate } : {}),
    };
    if (reception) reception.superseded = held; // ELG-021: the earlier valid answer is not relied on any more
    heldNotices.set(d.logEntryId, held);
    heldList.push(held);
    toAcknowledge.add(d.logEntryId); // acknowledged only after storing it
    stored++;
  }
  if (toAcknowledge.size > 0) {
    try {
      await pickup(); // acknowledge what was just stored (anything delivered again is picked up next time)
    } catch (e) {
      if (!(e instanceof RelayFailure)) throw e;
    }
  }
  console.error(`picked up ${delivered.length} notices, stored ${stored}; holding ${heldList.length}`);
  return heldList;
}

// ---------------------------------------------------------------------------------------------------------------
// The driver endpoints

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

let queue = Promise.resolve(); // one check at a time

const server = http.createServer(async (req, res) => {
  const send = (status, value) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  try {
    const pathname = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST' && pathname === '/checks') {
      const input = await readJson(req);
      const run = queue.then(() => check(input));
      queue = run.catch(() => {});
      const verdict = await run;
      for (const line of verdict.log) console.log(`[${input.checkId ?? 'check'}] ${line}`);
      return send(200, verdict);
    }
    if (req.method === 'POST' && pathname === '/notice-pickups') {
      const input = await readJson(req);
      const run = queue.then(() => pickUp(input.relayUrl));
      queue = run.catch(() => {});
      return send(200, { notices: await run });
    }
    return send(404, { error: 'not found' });
  } catch (e) {
    console.error(e);
    if (!res.headersSent) send(500, { error: 'the clinic failed' });
  }
});

server.listen(config.port, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
