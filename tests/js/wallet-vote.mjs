// Votes in the shape wallets speak, from a client that shares no code with the server (ethers v6).
// Usage:
//   node wallet-vote.mjs bad  BASE SLUG PROPOSAL WALLET_SECRET
//     Envelopes the server must refuse: types other than the published ones, another chain id, a signature
//     by someone else, a compact signature by someone else. Prints each answer's status and code.
//   node wallet-vote.mjs good BASE SLUG PROPOSAL WALLET_SECRET CUSTODIAL_SECRET MEMBER_TOKEN
//     1. The member (bearer token; no custodial key yet) asks for a template: no choice, no address.
//     2. The member links the wallet (EIP-4361), which then votes with the raw envelope a wallet returns,
//        {address, signature, data: {domain, types, primaryType, message}}, uint256 values as strings.
//     3. The custodial key, exported into ethers, votes with a compact signature (EIP-2098).
//     4. The export is checked offline with ethers alone: every vote's signature recovers its voter, and
//        every voter's link message recovers its address and names what the export says.
//   node wallet-vote.mjs safe BASE SLUG PROPOSAL OWNER_SECRET SAFE_ADDRESS
//     An owner of a Safe-style contract wallet signs the vote for the wallet (EIP-1271); a stranger tries too.
import { Wallet, Signature, verifyTypedData, verifyMessage, getAddress } from "ethers";

const [mode, base, slug, proposal, ...rest] = process.argv.slice(2);
const api = `${base}/api/v1`;
const proposalPath = `/communities/${slug}/proposals/${proposal}`;

async function call(path, { method = "GET", token, body } = {}) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function typedData(query, token) {
  const typed = await call(`${proposalPath}/typed-data?${new URLSearchParams(query)}`, { token });
  if (typed.status !== 200) throw new Error(`typed-data: ${JSON.stringify(typed)}`);
  return typed.body;
}

// What eth_signTypedData_v4 signs is the whole document; ethers takes its parts without EIP712Domain.
async function sign(document, signer) {
  const { EIP712Domain, ...types } = document.types;
  return signer.signTypedData(document.domain, types, document.message);
}

const post = async (envelope) => {
  const answer = await call(`${proposalPath}/votes`, { method: "POST", body: envelope });
  return { status: answer.status, code: answer.body?.code ?? null, voter: answer.body?.voter ?? null };
};

const results = {};

if (mode === "bad") {
  const wallet = new Wallet(rest[0]);
  const document = await typedData({ voter: wallet.address, choice: "against", nonce: "5" });

  // A document whose types are not the published ones, signed faithfully as it stands.
  const retyped = structuredClone(document);
  retyped.types.Vote = retyped.types.Vote.map((f) => (f.name === "reason" ? { name: "memo", type: "string" } : f));
  retyped.message = { ...retyped.message, memo: retyped.message.reason };
  delete retyped.message.reason;
  results.types = await post({ address: wallet.address, signature: await sign(retyped, wallet), data: retyped });

  const otherChain = structuredClone(document);
  otherChain.domain.chainId = 1;
  results.chainId = await post({ address: wallet.address, signature: await sign(otherChain, wallet), data: otherChain });

  const stranger = Wallet.createRandom();
  results.someoneElse = await post({ address: wallet.address, signature: await sign(document, stranger), data: document });
  results.someoneElseCompact = await post({ address: wallet.address, signature: Signature.from(await sign(document, stranger)).compactSerialized, data: document });
} else if (mode === "good") {
  const [walletSecret, custodialSecret, memberToken] = rest;
  const wallet = new Wallet(walletSecret);
  const custodial = new Wallet(custodialSecret);

  const template = await call(`${proposalPath}/typed-data`, { token: memberToken });
  results.template = { status: template.status, choice: template.body?.message?.choice, voter: template.body?.message?.voter, chainId: template.body?.domain?.chainId };

  const linkNonce = await call("/me/wallets/nonce", { method: "POST", token: memberToken, body: { address: wallet.address } });
  if (linkNonce.status !== 200) throw new Error(`link nonce: ${JSON.stringify(linkNonce)}`);
  const linkMessage = linkNonce.body.message;
  const linked = await call("/me/wallets", { method: "POST", token: memberToken, body: { message: linkMessage, signature: await wallet.signMessage(linkMessage) } });
  results.linked = linked.status;

  // The raw envelope, as Snapshot's clients send it, with uint256 values written as strings.
  const document = await typedData({ voter: wallet.address, choice: "for", reason: "財布のまま" });
  const stringy = structuredClone(document);
  stringy.domain.chainId = String(stringy.domain.chainId);
  stringy.message.proposalId = String(stringy.message.proposalId);
  stringy.message.nonce = String(stringy.message.nonce);
  results.envelope = await post({ address: wallet.address, signature: await sign(document, wallet), data: stringy });

  // A compact signature (EIP-2098) from the custodial key, now in a wallet of its owner's.
  const custodialDocument = await typedData({ voter: custodial.address, choice: "against" });
  const compact = Signature.from(await sign(custodialDocument, custodial)).compactSerialized;
  results.compactLength = (compact.length - 2) / 2;
  results.compact = await post({ address: custodial.address, signature: compact, data: custodialDocument });

  // Offline: the export alone, and ethers alone.
  const exported = (await call(`${proposalPath}/votes`)).body;
  const { EIP712Domain, ...types } = exported.types;
  const domain = { name: exported.domain.name, version: exported.domain.version, chainId: exported.domain.chainId, salt: exported.domain.salt };
  const links = new Map(exported.links.map((l) => [getAddress(l.address), l]));
  const checked = { votes: 0, links: 0, primaryType: exported.primaryType, kinds: [] };
  for (const vote of exported.votes) {
    const message = { proposalId: vote.proposal, choice: vote.choice, voter: vote.voter, nonce: vote.nonce, reason: vote.reason };
    if (verifyTypedData(domain, types, message, vote.signature) !== getAddress(vote.voter)) throw new Error(`vote ${vote.sequence} does not recover its voter`);
    checked.votes++;
    const link = links.get(getAddress(vote.voter));
    if (!link || !link.message) throw new Error(`no link message for ${vote.voter}`);
    if (verifyMessage(link.message, link.signature) !== getAddress(link.address)) throw new Error(`the link of ${vote.voter} does not recover its address`);
    if (link.personId !== vote.personId) throw new Error(`the link of ${vote.voter} names ${link.personId}, the vote ${vote.personId}`);
    if (link.kind === "custodial" && !link.message.includes(link.personId)) throw new Error("the custodial statement does not name its person");
    if (link.kind === "siwe" && !link.message.includes(getAddress(link.address))) throw new Error("the link message does not name its address");
    checked.links++;
    checked.kinds.push(link.kind);
  }
  results.offline = checked;
} else if (mode === "safe") {
  const [ownerSecret, safe] = rest;
  const owner = new Wallet(ownerSecret);
  const document = await typedData({ voter: safe, choice: "for", reason: "金庫から" });
  results.stranger = await post({ address: safe, signature: await sign(document, Wallet.createRandom()), data: document });
  results.owner = await post({ address: safe, signature: await sign(document, owner), data: document });
} else {
  throw new Error(`unknown mode ${mode}`);
}

console.log(JSON.stringify(results));
