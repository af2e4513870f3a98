// Compiles Mikoshi's contracts with solc-js (pinned in package-lock.json) and writes one
// <Contract>.json {abi, bytecode} per contract into the output directory (argument 1, default
// ./build). Imports are read from node_modules, so OpenZeppelin comes from npm, never a copy.
// Run by src/Mikoshi.Chain's build; by hand: node build.mjs [outDir]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import solc from "solc";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, "build"));

// What we ship, and the baseline the gas bench compares with.
const wanted = {
  "src/MikoshiMembership.sol": ["MikoshiMembership"],
  "src/MikoshiClaims.sol": ["MikoshiClaims"],
  // Not shipped: a Safe-style EIP-1271 wallet that the vote tests deploy on anvil.
  "src/MikoshiTestSafe.sol": ["MikoshiTestSafe"],
  "@openzeppelin/contracts-v4/finance/PaymentSplitter.sol": ["PaymentSplitter"],
};

const sources = {};
for (const file of Object.keys(wanted)) {
  const onDisk = file.startsWith("src/") ? path.join(here, file) : path.join(here, "node_modules", file);
  sources[file] = { content: fs.readFileSync(onDisk, "utf8") };
}

function findImports(importPath) {
  const candidates = [path.join(here, "node_modules", importPath), path.join(here, importPath)];
  for (const candidate of candidates) {
    if (candidate.startsWith(here) && fs.existsSync(candidate)) {
      return { contents: fs.readFileSync(candidate, "utf8") };
    }
  }
  return { error: `not found: ${importPath}` };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "cancun",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
// Library warnings (OpenZeppelin's own) are not ours to fix; errors anywhere and warnings in our
// sources are shown.
const problems = output.errors ?? [];
for (const p of problems.filter((p) => p.severity === "error" || p.sourceLocation?.file?.startsWith("src/"))) {
  console.error(p.formattedMessage ?? p.message);
}
if (problems.some((p) => p.severity === "error")) {
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
for (const [file, names] of Object.entries(wanted)) {
  for (const name of names) {
    const c = output.contracts[file][name];
    const json = JSON.stringify({ contractName: name, compiler: solc.version(), abi: c.abi, bytecode: "0x" + c.evm.bytecode.object });
    fs.writeFileSync(path.join(outDir, `${name}.json`), json);
  }
}
console.log(`compiled ${Object.values(wanted).flat().join(", ")} with solc ${solc.version()} into ${outDir}`);
