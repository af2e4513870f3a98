using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Mikoshi.Domain.Governance;

/// <summary>
/// The EIP-712 domain of a community's votes, typed
/// <c>EIP712Domain(string name,string version,uint256 chainId,bytes32 salt)</c>. The salt names the community,
/// so a vote signed for one community is worthless in another; the chain id keeps it to one chain.
/// </summary>
/// <param name="Name">The application's name: <c>"Mikoshi"</c>.</param>
/// <param name="Version">The version of the vote format: <c>"1"</c>.</param>
/// <param name="ChainId">The chain id (EIP-155); zero or more.</param>
/// <param name="Salt">32 bytes identifying the community; see <see cref="For"/>.</param>
public sealed record VoteDomain(string Name, string Version, long ChainId, byte[] Salt)
{
    /// <summary>The domain name every Mikoshi vote is signed under.</summary>
    public const string AppName = "Mikoshi";

    /// <summary>The chain id signatures name when the instance configures none (a local anvil node's).</summary>
    public const long DefaultChainId = 31337;

    /// <summary>The current vote format.</summary>
    public const string CurrentVersion = "1";

    /// <summary>
    /// The domain of <paramref name="communityId"/>'s votes: name "Mikoshi", version "1", and as salt the Keccak-256
    /// of the community id's 16 bytes in big-endian RFC 4122 order, that is, the bytes of its 32 hex digits read
    /// left to right (<c>Guid.ToByteArray(bigEndian: true)</c>, not .NET's default mixed-endian layout).
    /// </summary>
    /// <param name="communityId">The community.</param>
    /// <param name="chainId">The chain id the community is on, such as 1 or 31337.</param>
    public static VoteDomain For(Guid communityId, long chainId) =>
        new(AppName, CurrentVersion, chainId, Keccak.Hash256(communityId.ToByteArray(bigEndian: true)));

    /// <summary>True when every field is equal, the salt compared byte by byte.</summary>
    /// <param name="other">The other domain.</param>
    public bool Equals(VoteDomain? other) =>
        other is not null && Name == other.Name && Version == other.Version && ChainId == other.ChainId
        && (Salt ?? []).AsSpan().SequenceEqual(other.Salt ?? []);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Name);
        hash.Add(Version);
        hash.Add(ChainId);
        hash.AddBytes(Salt ?? []);
        return hash.ToHashCode();
    }
}

/// <summary>
/// One vote, typed <c>Vote(uint256 proposalId,string choice,address voter,uint256 nonce,string reason)</c>.
/// </summary>
/// <param name="ProposalId">The proposal voted on; zero or more.</param>
/// <param name="Choice">The choice, such as <see cref="VoteChoices.For"/>.</param>
/// <param name="Voter">The address that signs the vote.</param>
/// <param name="Nonce">A number the voter has not used before, so a vote cannot be replayed; zero or more.</param>
/// <param name="Reason">Why, in the voter's words; may be empty.</param>
public sealed record VoteMessage(long ProposalId, string Choice, EthAddress Voter, long Nonce, string Reason);

/// <summary>
/// EIP-712 typed data for a vote: the digest a wallet signs, and the JSON document it is asked to sign
/// (<c>eth_signTypedData_v4</c>).
/// </summary>
public static class VoteTypedData
{
    /// <summary>The EIP-712 type of the domain.</summary>
    public const string DomainType = "EIP712Domain(string name,string version,uint256 chainId,bytes32 salt)";

    /// <summary>The EIP-712 type of a vote.</summary>
    public const string VoteType = "Vote(uint256 proposalId,string choice,address voter,uint256 nonce,string reason)";

    private static readonly byte[] DomainTypeHash = Keccak.Hash256(Encoding.ASCII.GetBytes(DomainType));
    private static readonly byte[] VoteTypeHash = Keccak.Hash256(Encoding.ASCII.GetBytes(VoteType));

    /// <summary>
    /// The domain separator: keccak256(typeHash ‖ keccak256(name) ‖ keccak256(version) ‖ chainId ‖ salt).
    /// </summary>
    /// <param name="d">The domain.</param>
    /// <exception cref="ArgumentException">The salt is not 32 bytes, or the chain id is negative.</exception>
    public static byte[] DomainSeparator(VoteDomain d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Salt is not { Length: 32 })
        {
            throw new ArgumentException("A domain's salt is 32 bytes.", nameof(d));
        }

        Span<byte> encoded = stackalloc byte[5 * 32];
        DomainTypeHash.CopyTo(encoded);
        Keccak.Hash256(Encoding.UTF8.GetBytes(d.Name), encoded[32..]);
        Keccak.Hash256(Encoding.UTF8.GetBytes(d.Version), encoded[64..]);
        WriteUint256(d.ChainId, encoded[96..128], nameof(d));
        d.Salt.CopyTo(encoded[128..]);
        return Keccak.Hash256(encoded);
    }

    /// <summary>The EIP-712 hashStruct of a vote.</summary>
    /// <param name="m">The vote.</param>
    /// <exception cref="ArgumentException">The proposal id or nonce is negative.</exception>
    public static byte[] HashStruct(VoteMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        Span<byte> encoded = stackalloc byte[6 * 32];
        encoded.Clear();
        VoteTypeHash.CopyTo(encoded);
        WriteUint256(m.ProposalId, encoded[32..64], nameof(m));
        Keccak.Hash256(Encoding.UTF8.GetBytes(m.Choice), encoded[64..]);
        m.Voter.Bytes.CopyTo(encoded[(96 + 12)..128]);
        WriteUint256(m.Nonce, encoded[128..160], nameof(m));
        Keccak.Hash256(Encoding.UTF8.GetBytes(m.Reason), encoded[160..]);
        return Keccak.Hash256(encoded);
    }

    /// <summary>
    /// What the voter's key signs: keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)).
    /// </summary>
    /// <param name="d">The community's domain.</param>
    /// <param name="m">The vote.</param>
    /// <exception cref="ArgumentException">A number is negative or the salt is not 32 bytes.</exception>
    public static byte[] Digest(VoteDomain d, VoteMessage m)
    {
        Span<byte> encoded = stackalloc byte[2 + 32 + 32];
        encoded[0] = 0x19;
        encoded[1] = 0x01;
        DomainSeparator(d).CopyTo(encoded[2..]);
        HashStruct(m).CopyTo(encoded[34..]);
        return Keccak.Hash256(encoded);
    }

    /// <summary>
    /// The <c>eth_signTypedData_v4</c> document for a vote, which MetaMask signs as it is and whose parts ethers v6
    /// takes as <c>signer.signTypedData(domain, { Vote: types.Vote }, message)</c>:
    /// <c>{"types":{"EIP712Domain":[…],"Vote":[…]},"primaryType":"Vote","domain":{…},"message":{…}}</c>.
    /// chainId, proposalId and nonce are JSON numbers (exact in JavaScript up to 2^53 − 1), the salt is
    /// <c>0x</c> + 64 lower-case hex digits, and the voter is EIP-55 checksummed.
    /// </summary>
    /// <param name="d">The community's domain.</param>
    /// <param name="m">The vote.</param>
    public static string Json(VoteDomain d, VoteMessage m)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(m);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("types");
            WriteFields(json, "EIP712Domain", [("name", "string"), ("version", "string"), ("chainId", "uint256"), ("salt", "bytes32")]);
            WriteFields(json, "Vote", [("proposalId", "uint256"), ("choice", "string"), ("voter", "address"), ("nonce", "uint256"), ("reason", "string")]);
            json.WriteEndObject();
            json.WriteString("primaryType", "Vote");
            json.WriteStartObject("domain");
            json.WriteString("name", d.Name);
            json.WriteString("version", d.Version);
            json.WriteNumber("chainId", d.ChainId);
            json.WriteString("salt", "0x" + Convert.ToHexStringLower(d.Salt));
            json.WriteEndObject();
            json.WriteStartObject("message");
            json.WriteNumber("proposalId", m.ProposalId);
            json.WriteString("choice", m.Choice);
            json.WriteString("voter", m.Voter.ToString());
            json.WriteNumber("nonce", m.Nonce);
            json.WriteString("reason", m.Reason);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter json, string type, (string Name, string Type)[] fields)
    {
        json.WriteStartArray(type);
        foreach (var (name, fieldType) in fields)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("type", fieldType);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteUint256(long value, Span<byte> word, string parameter)
    {
        if (value < 0)
        {
            throw new ArgumentException("A uint256 field cannot hold a negative number.", parameter);
        }

        word.Clear();
        BinaryPrimitives.WriteInt64BigEndian(word[24..], value);
    }
}
