using System.Numerics;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Chain;

/// <summary>One account's cumulative entitlement in one asset (address(0) = the native coin).</summary>
public sealed record ClaimLeaf(EthAddress Asset, EthAddress Account, BigInteger Cumulative)
{
    /// <summary>
    /// The leaf exactly as <c>MikoshiClaims.claim</c> computes it:
    /// keccak256(bytes.concat(keccak256(abi.encode(asset, account, cumulative)))). Hashing twice
    /// keeps a leaf from ever being mistaken for an inner node (64 bytes) of the tree.
    /// </summary>
    public byte[] Hash()
    {
        if (Cumulative.Sign < 0 || Cumulative.GetByteCount(isUnsigned: true) > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(Cumulative), "An entitlement is a uint256.");
        }

        var encoded = new byte[96];
        Asset.Bytes.CopyTo(encoded.AsSpan(12, 20));
        Account.Bytes.CopyTo(encoded.AsSpan(44, 20));
        Cumulative.TryWriteBytes(encoded.AsSpan(64 + 32 - Cumulative.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return Keccak.Hash256(Keccak.Hash256(encoded));
    }
}

/// <summary>
/// A Merkle tree over claim leaves with sorted pairs (OpenZeppelin's <c>MerkleProof</c>): an inner
/// node is keccak256 of its two children, smaller first; a node without a sibling moves up as it is.
/// Leaves are ordered by hash, so the same entitlements always give the same root.
/// </summary>
public sealed class ClaimTree
{
    private readonly List<byte[][]> layers = [];
    private readonly Dictionary<EthAddress, int> positions = [];

    private ClaimTree(IReadOnlyList<ClaimLeaf> leaves)
    {
        if (leaves.Count == 0)
        {
            throw new ArgumentException("A tree needs at least one leaf.", nameof(leaves));
        }

        var hashed = leaves.Select(l => (Leaf: l, Hash: l.Hash())).OrderBy(x => x.Hash, ByteOrder.Instance).ToList();
        for (var i = 0; i < hashed.Count; i++)
        {
            if (!positions.TryAdd(hashed[i].Leaf.Account, i))
            {
                throw new ArgumentException($"{hashed[i].Leaf.Account} appears twice.", nameof(leaves));
            }
        }

        Leaves = hashed.Select(x => x.Leaf).ToList();
        var layer = hashed.Select(x => x.Hash).ToArray();
        layers.Add(layer);
        while (layer.Length > 1)
        {
            var next = new byte[(layer.Length + 1) / 2][];
            for (var i = 0; i < next.Length; i++)
            {
                next[i] = 2 * i + 1 < layer.Length ? Pair(layer[2 * i], layer[2 * i + 1]) : layer[2 * i];
            }

            layers.Add(next);
            layer = next;
        }
    }

    /// <summary>The leaves in tree order.</summary>
    public IReadOnlyList<ClaimLeaf> Leaves { get; }

    public byte[] Root => layers[^1][0];

    /// <summary>The sum of every cumulative entitlement: what the contract must hold in total.</summary>
    public BigInteger Total => Leaves.Aggregate(BigInteger.Zero, (sum, l) => sum + l.Cumulative);

    public static ClaimTree Build(IEnumerable<ClaimLeaf> leaves) => new(leaves.ToList());

    /// <summary>The sibling hashes from <paramref name="account"/>'s leaf up to the root.</summary>
    public IReadOnlyList<byte[]> ProofOf(EthAddress account)
    {
        if (!positions.TryGetValue(account, out var index))
        {
            throw new KeyNotFoundException($"{account} has no leaf in this tree.");
        }

        var proof = new List<byte[]>();
        foreach (var layer in layers.Take(layers.Count - 1))
        {
            var sibling = index ^ 1;
            if (sibling < layer.Length)
            {
                proof.Add(layer[sibling]);
            }

            index /= 2;
        }

        return proof;
    }

    /// <summary>Recomputes a root from a leaf and its proof, as the contract does.</summary>
    public static bool Verify(byte[] root, ClaimLeaf leaf, IEnumerable<byte[]> proof) =>
        proof.Aggregate(leaf.Hash(), Pair).AsSpan().SequenceEqual(root);

    private static byte[] Pair(byte[] a, byte[] b)
    {
        var both = new byte[64];
        var (first, second) = ByteOrder.Instance.Compare(a, b) <= 0 ? (a, b) : (b, a);
        first.CopyTo(both, 0);
        second.CopyTo(both, 32);
        return Keccak.Hash256(both);
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
