using System.Text.Json;
using System.Text.Json.Nodes;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public sealed class VoteEnvelopeTests
{
    private static readonly VoteDomain Domain = VoteDomain.For(Guid.Parse("0192f0c6-3b8e-7c3a-9d51-2a6b1c0d4e5f"), 31337);
    private static readonly EthAddress Voter = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8").Value;

    private static JsonObject Published() =>
        JsonNode.Parse(VoteTypedData.Json(Domain, new VoteMessage(7, VoteChoices.For, Voter, 3, "理由")))!.AsObject();

    private static Result<EnvelopeMessage> Read(JsonObject document) =>
        VoteEnvelope.Read(JsonDocument.Parse(document.ToJsonString()).RootElement, Domain);

    [Fact]
    public void Read_OfThePublishedDocument_GivesItsVote()
    {
        Assert.Equal(new EnvelopeMessage(7, VoteChoices.For, Voter.ToString(), 3, "理由"), Read(Published()).Value);
    }

    [Fact]
    public void Read_TakesUint256AsDecimalOrHexStrings_AndTypesWithoutEIP712Domain()
    {
        var document = Published();
        document["message"]!["proposalId"] = "7";
        document["message"]!["nonce"] = "0x03";
        document["domain"]!["chainId"] = "31337";
        document["types"]!.AsObject().Remove("EIP712Domain");
        Assert.Equal(new EnvelopeMessage(7, VoteChoices.For, Voter.ToString(), 3, "理由"), Read(document).Value);
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { "types.Vote.4.type", "typed_data_mismatch" },
        { "types.Extra", "typed_data_mismatch" },
        { "primaryType", "typed_data_mismatch" },
        { "domain.verifyingContract", "typed_data_mismatch" },
        { "domain.chainId", "wrong_chain_id" },
        { "domain.salt", "wrong_vote_domain" },
        { "domain.version", "wrong_vote_domain" },
        { "message.nonce", "invalid_typed_data" },
        { "message.extra", "typed_data_mismatch" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Read_RefusesADocumentOtherThanThePublishedOne(string change, string code)
    {
        var document = Published();
        switch (change)
        {
            case "types.Vote.4.type": document["types"]!["Vote"]![4]!["type"] = "bytes"; break;
            case "types.Extra": document["types"]!["Extra"] = new JsonArray(); break;
            case "primaryType": document["primaryType"] = "Ballot"; break;
            case "domain.verifyingContract": document["domain"]!["verifyingContract"] = Voter.ToString(); break;
            case "domain.chainId": document["domain"]!["chainId"] = 1; break;
            case "domain.salt": document["domain"]!["salt"] = "0x" + new string('0', 64); break;
            case "domain.version": document["domain"]!["version"] = "2"; break;
            case "message.nonce": document["message"]!["nonce"] = -1; break;
            case "message.extra": document["message"]!["extra"] = 1; break;
        }

        Assert.Equal(code, Read(document).Error?.Code);
    }
}
