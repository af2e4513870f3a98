// A trade outside Mikoshi: a holder moves a membership token with their own wallet, straight on the
// chain. Usage: node transfer.mjs RPC FUNDER_KEY HOLDER_KEY CONTRACT TOKEN_ID TO
// The funder (a funded account) first pays the holder a little ether for gas. Prints the receipt as JSON.
import { JsonRpcProvider, Wallet, Contract, parseEther } from "ethers";

const [rpc, funderKey, holderKey, contract, tokenId, to] = process.argv.slice(2);
const provider = new JsonRpcProvider(rpc, undefined, { staticNetwork: true, polling: true, pollingInterval: 50 });
try {
  const funder = new Wallet(funderKey, provider);
  const holder = new Wallet(holderKey, provider);
  await (await funder.sendTransaction({ to: holder.address, value: parseEther("0.01") })).wait(1, 30_000);
  const nft = new Contract(contract, ["function safeTransferFrom(address from, address to, uint256 tokenId)", "function ownerOf(uint256) view returns (address)"], holder);
  const tx = await nft["safeTransferFrom(address,address,uint256)"](holder.address, to, BigInt(tokenId));
  const receipt = await tx.wait(1, 30_000);
  console.log(JSON.stringify({ hash: receipt.hash, block: receipt.blockNumber, from: holder.address, owner: await nft.ownerOf(BigInt(tokenId)) }));
} finally {
  provider.destroy();
}
