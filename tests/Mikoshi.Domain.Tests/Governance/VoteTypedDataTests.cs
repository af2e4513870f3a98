using System.Numerics;
using System.Text.Json;
using Mikoshi.Domain.Governance;
using Nethereum.ABI.EIP712;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;

namespace Mikoshi.Domain.Tests.Governance;

/// <summary>Our EIP-712 vote against Nethereum's independent implementation, and the JSON a wallet is given.</summary>
public class VoteTypedDataTests
{
    private static readonly Guid Community = Guid.Parse("0194f3b2-7c1d-7e4a-9b8c-1234567890ab");

    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.String[Gen.Char.AlphaNumeric, 0, 40]),
        (1, Gen.OneOf("", "賛成です。理由は…", "emoji 🎉 and \"quotes\" \\ and\nnewline", new string('x', 300))));

    // Ids and nonces as JSON carries them exactly (below 2^53), and any long for the hashes.
    private static readonly Gen<long> SafeNumbers = Gen.Frequency((3, Gen.Long[0, 1_000_000]), (1, Gen.Long[0, (1L << 53) - 1]));

    private static readonly Gen<long> Numbers = Gen.Frequency((3, SafeNumbers), (1, Gen.Long[0, long.MaxValue]), (1, Gen.Const(long.MaxValue)));

    private static readonly Gen<(VoteDomain Domain, VoteMessage Message, EthECKey Key)> Votes = VotesWith(Numbers);

    private static Gen<(VoteDomain Domain, VoteMessage Message, EthECKey Key)> VotesWith(Gen<long> numbers) =>
        Gen.Select(Gen.Guid, numbers, numbers, Gen.OneOf(VoteChoices.For, VoteChoices.Against, VoteChoices.Abstain, "other"), Text, Gen.Long[0, 1L << 40], Gen.Byte.Array[32])
            .Where(t => CustodialKey.FromSecret(t.Item7).IsSuccess)
            .Select(t =>
            {
                var key = new EthECKey(t.Item7, isPrivate: true);
                var voter = EthAddress.Parse(key.GetPublicAddress()).Value;
                return (VoteDomain.For(t.Item1, t.Item6), new VoteMessage(t.Item2, t.Item4, voter, t.Item3, t.Item5), key);
            });

    [Fact]
    public void Digest_EqualsNethereumsHashOfTheSameTypedData()
    {
        Votes.Sample(vote =>
        {
            var typedData = NethereumTypedData(vote.Domain, vote.Message);
            var theirs = Eip712TypedDataEncoder.Current.CalculateTypedDataHashes(typedData);

            Assert.Equal(Hex(theirs.DomainHash), Hex(VoteTypedData.DomainSeparator(vote.Domain)));
            Assert.Equal(Hex(theirs.MessageHash), Hex(VoteTypedData.HashStruct(vote.Message)));
            Assert.Equal(Hex(theirs.TypedDataHash), Hex(VoteTypedData.Digest(vote.Domain, vote.Message)));
        }, iter: 100);
    }

    [Fact]
    public void Json_HashedByNethereum_GivesOurDigest()
    {
        // Nethereum reads the eth_signTypedData_v4 document as a wallet would.
        VotesWith(SafeNumbers).Sample(vote =>
        {
            var json = VoteTypedData.Json(vote.Domain, vote.Message);
            Assert.Equal(Hex(VoteTypedData.Digest(vote.Domain, vote.Message)), Hex(Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(json)));
        }, iter: 100);
    }

    [Fact]
    public void ASignatureByNethereum_RecoversWithOurs_ToTheVoter()
    {
        Votes.Sample(vote =>
        {
            var signature = Eip712TypedDataSigner.Current.SignTypedDataV4(NethereumTypedData(vote.Domain, vote.Message), vote.Key);
            var recovered = Signatures.Recover(VoteTypedData.Digest(vote.Domain, vote.Message), signature);
            Assert.Equal(vote.Message.Voter, recovered.Value);
        }, iter: 50);
    }

    [Fact]
    public void OurSignature_RecoversWithNethereum_ToTheVoter()
    {
        Votes.Sample(vote =>
        {
            // Nethereum gives the secret as a big-endian number: a leading zero byte is dropped (1 key in 256), so pad it back.
            var secret = vote.Key.GetPrivateKeyAsBytes();
            var key = CustodialKey.FromSecret([.. new byte[Math.Max(0, 32 - secret.Length)], .. secret[Math.Max(0, secret.Length - 32)..]]).Value;
            var signature = key.Sign(VoteTypedData.Digest(vote.Domain, vote.Message));
            var recovered = Eip712TypedDataSigner.Current.RecoverFromSignatureV4(NethereumTypedData(vote.Domain, vote.Message), signature);
            Assert.Equal(vote.Message.Voter, EthAddress.Parse(recovered).Value);

            // Both sign deterministically (RFC 6979) and low-s, so they agree byte for byte.
            Assert.Equal(signature, Eip712TypedDataSigner.Current.SignTypedDataV4(NethereumTypedData(vote.Domain, vote.Message), vote.Key));
        }, iter: 50);
    }

    [Fact]
    public void AVoteForAnotherCommunityProposalOrChain_RecoversAnotherAddress()
    {
        var key = CustodialKey.Generate();
        var domain = VoteDomain.For(Community, 1);
        var vote = new VoteMessage(7, VoteChoices.For, key.Address, 1, string.Empty);
        var signature = key.Sign(VoteTypedData.Digest(domain, vote));

        Assert.Equal(key.Address, Signatures.Recover(VoteTypedData.Digest(domain, vote), signature).Value);
        Assert.NotEqual(key.Address, Signatures.Recover(VoteTypedData.Digest(VoteDomain.For(Guid.NewGuid(), 1), vote), signature).Value);
        Assert.NotEqual(key.Address, Signatures.Recover(VoteTypedData.Digest(VoteDomain.For(Community, 31337), vote), signature).Value);
        Assert.NotEqual(key.Address, Signatures.Recover(VoteTypedData.Digest(domain, vote with { ProposalId = 8 }), signature).Value);
        Assert.NotEqual(key.Address, Signatures.Recover(VoteTypedData.Digest(domain, vote with { Choice = VoteChoices.Against }), signature).Value);
        Assert.NotEqual(key.Address, Signatures.Recover(VoteTypedData.Digest(domain, vote with { Nonce = 2 }), signature).Value);
    }

    [Fact]
    public void For_NamesMikoshiVersion1_AndSaltsWithTheKeccakOfTheBigEndianId()
    {
        var domain = VoteDomain.For(Community, 31337);
        Assert.Equal("Mikoshi", domain.Name);
        Assert.Equal("1", domain.Version);
        Assert.Equal(31337, domain.ChainId);
        // The id's 32 hex digits, read left to right as bytes.
        Assert.Equal(Hex(Keccak.Hash256(Convert.FromHexString("0194f3b27c1d7e4a9b8c1234567890ab"))), Hex(domain.Salt));
    }

    [Fact]
    public void For_TheSameCommunityAndChain_GivesEqualDomains()
    {
        Assert.Equal(VoteDomain.For(Community, 1), VoteDomain.For(Community, 1));
        Assert.Equal(VoteDomain.For(Community, 1).GetHashCode(), VoteDomain.For(Community, 1).GetHashCode());
        Assert.NotEqual(VoteDomain.For(Community, 1), VoteDomain.For(Community, 2));
        Assert.NotEqual(VoteDomain.For(Community, 1), VoteDomain.For(Guid.NewGuid(), 1));
    }

    [Fact]
    public void Json_IsTheSignTypedDataV4Document()
    {
        var voter = EthAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").Value;
        var domain = VoteDomain.For(Community, 31337);
        var json = VoteTypedData.Json(domain, new VoteMessage(42, VoteChoices.Against, voter, 3, "高すぎる"));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["types", "primaryType", "domain", "message"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            "[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"},{\"name\":\"salt\",\"type\":\"bytes32\"}]",
            root.GetProperty("types").GetProperty("EIP712Domain").GetRawText());
        Assert.Equal(
            "[{\"name\":\"proposalId\",\"type\":\"uint256\"},{\"name\":\"choice\",\"type\":\"string\"},{\"name\":\"voter\",\"type\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\"},{\"name\":\"reason\",\"type\":\"string\"}]",
            root.GetProperty("types").GetProperty("Vote").GetRawText());
        Assert.Equal("Vote", root.GetProperty("primaryType").GetString());

        var d = root.GetProperty("domain");
        Assert.Equal("Mikoshi", d.GetProperty("name").GetString());
        Assert.Equal("1", d.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Number, d.GetProperty("chainId").ValueKind);
        Assert.Equal(31337, d.GetProperty("chainId").GetInt64());
        Assert.Equal("0x" + Hex(domain.Salt), d.GetProperty("salt").GetString());

        var m = root.GetProperty("message");
        Assert.Equal(42, m.GetProperty("proposalId").GetInt64());
        Assert.Equal("against", m.GetProperty("choice").GetString());
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", m.GetProperty("voter").GetString());
        Assert.Equal(3, m.GetProperty("nonce").GetInt64());
        Assert.Equal("高すぎる", m.GetProperty("reason").GetString());
    }

    [Fact]
    public void Digest_RefusesNegativeNumbers_AndASaltThatIsNot32Bytes()
    {
        var domain = VoteDomain.For(Community, 1);
        var vote = new VoteMessage(1, VoteChoices.For, default, 1, string.Empty);
        Assert.Throws<ArgumentException>(() => VoteTypedData.Digest(domain, vote with { ProposalId = -1 }));
        Assert.Throws<ArgumentException>(() => VoteTypedData.Digest(domain, vote with { Nonce = -1 }));
        Assert.Throws<ArgumentException>(() => VoteTypedData.Digest(domain with { ChainId = -1 }, vote));
        Assert.Throws<ArgumentException>(() => VoteTypedData.Digest(domain with { Salt = new byte[31] }, vote));
    }

    [Fact]
    public void TypeStrings_AreTheOnesNethereumEncodes()
    {
        Assert.Equal(VoteTypedData.DomainType, Eip712TypedDataEncoder.Current.GetEncodedType("EIP712Domain", typeof(SaltedDomain)));
        Assert.Equal(VoteTypedData.VoteType, Eip712TypedDataEncoder.Current.GetEncodedType("Vote", typeof(NethereumVote)));
    }

    private static TypedData<SaltedDomain> NethereumTypedData(VoteDomain domain, VoteMessage message)
    {
        var typedData = new TypedData<SaltedDomain>
        {
            Domain = new SaltedDomain { Name = domain.Name, Version = domain.Version, ChainId = domain.ChainId, Salt = domain.Salt },
            Types = MemberDescriptionFactory.GetTypesMemberDescription(typeof(SaltedDomain), typeof(NethereumVote)),
            PrimaryType = "Vote",
        };
        typedData.SetMessage(new NethereumVote
        {
            ProposalId = message.ProposalId,
            Choice = message.Choice,
            Voter = message.Voter.ToString(),
            Nonce = message.Nonce,
            Reason = message.Reason,
        });
        return typedData;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>The domain as Nethereum models it: exactly our four fields, no verifying contract.</summary>
    [Struct("EIP712Domain")]
    public sealed class SaltedDomain : IDomain
    {
        [Parameter("string", "name", 1)]
        public string Name { get; set; } = string.Empty;

        [Parameter("string", "version", 2)]
        public string Version { get; set; } = string.Empty;

        [Parameter("uint256", "chainId", 3)]
        public BigInteger ChainId { get; set; }

        [Parameter("bytes32", "salt", 4)]
        public byte[] Salt { get; set; } = [];
    }

    [Struct("Vote")]
    public sealed class NethereumVote
    {
        [Parameter("uint256", "proposalId", 1)]
        public BigInteger ProposalId { get; set; }

        [Parameter("string", "choice", 2)]
        public string Choice { get; set; } = string.Empty;

        [Parameter("address", "voter", 3)]
        public string Voter { get; set; } = string.Empty;

        [Parameter("uint256", "nonce", 4)]
        public BigInteger Nonce { get; set; }

        [Parameter("string", "reason", 5)]
        public string Reason { get; set; } = string.Empty;
    }
}
