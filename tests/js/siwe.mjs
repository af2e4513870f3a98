// A wallet that signs in with Ethereum (EIP-4361) and votes, sharing no code with the server:
// the message is written here from the spec's template, signed with ethers' signMessage (EIP-191 personal_sign).
// 1. The member (whose bearer token is given) links the wallet: a nonce only they may use, a message, a signature.
// 2. The wallet signs in: a new nonce, a message, a signature -> a bearer token for the member.
// 3. The same signed message again is refused (the nonce is used up).
// 4. Signed in by the wallet, it fetches the vote's typed data (which names the wallet as voter), signs it
//    (EIP-712) and posts the vote.
// 5. A wallet the server has never seen signs in and gets a new person.
// Usage: node siwe.mjs BASE_URL SLUG PROPOSAL WALLET_SECRET_HEX MEMBER_TOKEN
// Prints one JSON object with what each step answered.
import { Wallet, verifyMessage } from "ethers";

const [base, slug, proposal, secret, memberToken] = process.argv.slice(2);
const wallet = new Wallet(secret);
const api = `${base}/api/v1`;

async function call(path, { method = "GET", token, body } = {}) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

// EIP-4361's template: header, address, empty line, statement, empty line, then the fields in order.
function siweMessage(nonce, signer) {
  return [
    `${nonce.domain} wants you to sign in with your Ethereum account:`,
    signer.address,
    "",
    nonce.statement,
    "",
    `URI: ${nonce.uri}`,
    "Version: 1",
    `Chain ID: ${nonce.chainId}`,
    `Nonce: ${nonce.nonce}`,
    // The server's clock, as it handed out the nonce: the wallet's clock may differ from a test's.
    `Issued At: ${new Date(nonce.issuedAt).toISOString()}`,
    `Expiration Time: ${new Date(nonce.expiresAt).toISOString()}`,
  ].join("\n");
}

async function signed(nonce, signer) {
  const message = siweMessage(nonce, signer);
  const signature = await signer.signMessage(message);
  if (verifyMessage(message, signature) !== signer.address) throw new Error("ethers does not recover its own signature");
  return { message, signature };
}

const results = { address: wallet.address };

const linkNonce = await call("/me/wallets/nonce", { method: "POST", token: memberToken, body: {} });
if (linkNonce.status !== 200) throw new Error(`link nonce: ${JSON.stringify(linkNonce)}`);
results.linked = await call("/me/wallets", { method: "POST", token: memberToken, body: await signed(linkNonce.body, wallet) });

const nonce = await call("/auth/siwe/nonce", { method: "POST", body: {} });
const signIn = await signed(nonce.body, wallet);
const session = await call("/auth/siwe/verify", { method: "POST", body: signIn });
results.signedIn = { status: session.status, tokenType: session.body?.tokenType ?? null };
const token = session.body?.accessToken;
results.me = (await call("/me", { token })).body;
const replay = await call("/auth/siwe/verify", { method: "POST", body: signIn });
results.replayed = { status: replay.status, code: replay.body?.code ?? null };

const query = new URLSearchParams({ choice: "for", reason: "財布から" });
const typed = await call(`/communities/${slug}/proposals/${proposal}/typed-data?${query}`, { token });
if (typed.status !== 200) throw new Error(`typed-data: ${JSON.stringify(typed)}`);
results.typedDataVoter = typed.body.message.voter;
const { EIP712Domain, ...types } = typed.body.types;
const voteSignature = await wallet.signTypedData(typed.body.domain, types, typed.body.message);
const { choice, voter, nonce: voteNonce, reason } = typed.body.message;
const vote = await call(`/communities/${slug}/proposals/${proposal}/votes`, {
  method: "POST",
  body: { choice, voter, nonce: voteNonce, reason, signature: voteSignature },
});
results.vote = { status: vote.status, code: vote.body?.code ?? null, voter: vote.body?.voter ?? null, personId: vote.body?.personId ?? null };

const stranger = Wallet.createRandom();
const strangerNonce = await call("/auth/siwe/nonce", { method: "POST", body: {} });
const strangerSession = await call("/auth/siwe/verify", { method: "POST", body: await signed(strangerNonce.body, stranger) });
const strangerMe = await call("/me", { token: strangerSession.body?.accessToken });
results.stranger = { address: stranger.address, status: strangerSession.status, me: strangerMe.body };

console.log(JSON.stringify(results));
