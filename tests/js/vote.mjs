// An external voter: fetch the typed data the API hands out, sign it with an ethers Wallet, post the vote.
// Then try what an attacker would: a forged signature, a replay, and a signature made for another proposal.
// Usage: node vote.mjs BASE_URL SLUG PROPOSAL OTHER_PROPOSAL SECRET_HEX
// Prints one JSON object: each attempt's HTTP status and problem code (or the accepted vote).
import { Wallet, verifyTypedData } from "ethers";

const [base, slug, proposal, other, secret] = process.argv.slice(2);
const wallet = new Wallet(secret);
const proposals = `${base}/api/v1/communities/${slug}/proposals`;

async function typedData(id, choice, nonce, reason) {
  const query = new URLSearchParams({ voter: wallet.address, choice, nonce: String(nonce), reason });
  const response = await fetch(`${proposals}/${id}/typed-data?${query}`);
  if (!response.ok) throw new Error(`typed-data: ${response.status} ${await response.text()}`);
  return response.json();
}

// eth_signTypedData_v4 documents carry EIP712Domain among the types; ethers derives it from the domain itself.
async function sign(document, signer = wallet) {
  const { EIP712Domain, ...types } = document.types;
  const signature = await signer.signTypedData(document.domain, types, document.message);
  if (signer === wallet && verifyTypedData(document.domain, types, document.message, signature) !== wallet.address) {
    throw new Error("ethers does not recover its own signature");
  }
  return signature;
}

async function post(id, message, signature) {
  const response = await fetch(`${proposals}/${id}/votes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ choice: message.choice, voter: message.voter, nonce: message.nonce, reason: message.reason, signature }),
  });
  const body = await response.json();
  return { status: response.status, code: body.code ?? null, digest: body.digest ?? null, voter: body.voter ?? null };
}

const results = { address: wallet.address };
const honest = await typedData(proposal, "for", 1, "みんなで決める");
const signature = await sign(honest);
results.accepted = await post(proposal, honest.message, signature);
results.replayed = await post(proposal, honest.message, signature);

const changed = await typedData(proposal, "against", 2, "");
results.forged = await post(proposal, changed.message, await sign(changed, Wallet.createRandom()));

const elsewhere = await typedData(other, "against", 3, "");
results.crossProposal = await post(proposal, elsewhere.message, await sign(elsewhere));

console.log(JSON.stringify(results));
