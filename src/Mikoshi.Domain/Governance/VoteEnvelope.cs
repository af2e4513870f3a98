using System.Globalization;
using System.Text.Json;

namespace Mikoshi.Domain.Governance;

/// <summary>
/// A vote as a wallet hands it back: the typed-data document it was asked to sign (<c>eth_signTypedData_v4</c>),
/// <c>{domain, types, primaryType, message}</c>, as Snapshot's envelope carries it under <c>data</c>. Checked against
/// what Mikoshi publishes, so that what was signed is exactly what is counted: the types must be the published
/// ones (<c>EIP712Domain</c> may be left out, as ethers leaves it out), the primary type <c>Vote</c>, the domain the
/// community's on the configured chain. uint256 values may be JSON numbers or strings (decimal, or 0x-hex), as
/// wallets and libraries write them differently.
/// </summary>
public static class VoteEnvelope
{
    private static readonly (string Name, string Type)[] DomainFields = [("name", "string"), ("version", "string"), ("chainId", "uint256"), ("salt", "bytes32")];
    private static readonly (string Name, string Type)[] VoteFields = [("proposalId", "uint256"), ("choice", "string"), ("voter", "address"), ("nonce", "uint256"), ("reason", "string")];

    /// <summary>
    /// The vote in <paramref name="data"/>, if the document is Mikoshi's vote for <paramref name="expected"/>'s domain.
    /// Refused with <c>typed_data_mismatch</c> (types, primary type or fields other than the published ones),
    /// <c>wrong_chain_id</c> (signed for another chain), <c>wrong_vote_domain</c> (another name, version or
    /// community), and <c>invalid_typed_data</c> (a value of the wrong kind). The message's own fields (choice,
    /// address, nonce, reason) are checked by the caller as for any vote.
    /// </summary>
    /// <param name="data">The <c>data</c> object of the envelope.</param>
    /// <param name="expected">The community's vote domain.</param>
    public static Result<EnvelopeMessage> Read(JsonElement data, VoteDomain expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return Invalid("data is the typed-data object {domain, types, primaryType, message}.");
        }

        foreach (var property in data.EnumerateObject())
        {
            if (property.Name is not ("domain" or "types" or "primaryType" or "message"))
            {
                return Mismatch($"data has a field '{property.Name}' that typed data does not have.");
            }
        }

        if (!data.TryGetProperty("types", out var types) || types.ValueKind != JsonValueKind.Object)
        {
            return Mismatch($"data.types are the published ones: {VoteTypedData.DomainType} and {VoteTypedData.VoteType}.");
        }

        var sawVote = false;
        foreach (var type in types.EnumerateObject())
        {
            var wanted = type.Name switch
            {
                "EIP712Domain" => DomainFields,
                "Vote" => VoteFields,
                _ => null,
            };
            if (wanted is null || !SameFields(type.Value, wanted))
            {
                return Mismatch($"data.types differ from the published ones ({VoteTypedData.DomainType}, {VoteTypedData.VoteType}) at '{type.Name}'.");
            }

            sawVote |= type.Name == "Vote";
        }

        if (!sawVote)
        {
            return Mismatch($"data.types lack Vote: {VoteTypedData.VoteType}.");
        }

        if (data.TryGetProperty("primaryType", out var primary) && (primary.ValueKind != JsonValueKind.String || primary.GetString() != "Vote"))
        {
            return Mismatch("data.primaryType is \"Vote\".");
        }

        if (!data.TryGetProperty("domain", out var domain) || domain.ValueKind != JsonValueKind.Object || !OnlyFields(domain, DomainFields))
        {
            return Mismatch("data.domain has exactly name, version, chainId and salt.");
        }

        var chainId = Uint(domain, "chainId");
        if (chainId is null)
        {
            return Invalid("data.domain.chainId is a whole number (a JSON number or a decimal or 0x-hex string).");
        }

        if (chainId != expected.ChainId)
        {
            return GovernanceErrors.WrongChainId;
        }

        if (Text(domain, "name") != expected.Name || Text(domain, "version") != expected.Version
            || !string.Equals(Text(domain, "salt"), "0x" + Convert.ToHexStringLower(expected.Salt), StringComparison.OrdinalIgnoreCase))
        {
            return GovernanceErrors.WrongVoteDomain;
        }

        if (!data.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object || !OnlyFields(message, VoteFields))
        {
            return Mismatch("data.message has exactly proposalId, choice, voter, nonce and reason.");
        }

        var proposalId = Uint(message, "proposalId");
        var nonce = Uint(message, "nonce");
        var choice = Text(message, "choice");
        var voter = Text(message, "voter");
        var reason = Text(message, "reason");
        if (proposalId is null || nonce is null || choice is null || voter is null || reason is null)
        {
            return Invalid("data.message: proposalId and nonce are whole numbers (numbers or strings), choice, voter and reason are strings.");
        }

        return new EnvelopeMessage(proposalId.Value, choice, voter, nonce.Value, reason);
    }

    private static bool SameFields(JsonElement fields, (string Name, string Type)[] wanted)
    {
        if (fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() != wanted.Length)
        {
            return false;
        }

        var i = 0;
        foreach (var field in fields.EnumerateArray())
        {
            if (field.ValueKind != JsonValueKind.Object || Text(field, "name") != wanted[i].Name || Text(field, "type") != wanted[i].Type
                || field.EnumerateObject().Count() != 2)
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static bool OnlyFields(JsonElement value, (string Name, string Type)[] wanted)
    {
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (!wanted.Any(w => w.Name == property.Name))
            {
                return false;
            }

            count++;
        }

        return count == wanted.Length;
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null;

    /// <summary>A uint256 that fits in a long (zero or more): a JSON integer, or a string of decimal digits or 0x-hex.</summary>
    private static long? Uint(JsonElement value, string name)
    {
        if (!value.TryGetProperty(name, out var field))
        {
            return null;
        }

        if (field.ValueKind == JsonValueKind.Number)
        {
            return field.TryGetInt64(out var n) && n >= 0 ? n : null;
        }

        if (field.ValueKind != JsonValueKind.String || field.GetString() is not { Length: > 0 and <= 66 } text)
        {
            return null;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var digits = text[2..].TrimStart('0');
            return digits.Length == 0 && text.Length > 2 ? 0
                : digits.Length is > 0 and <= 16 && digits.All(char.IsAsciiHexDigit) && long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex >= 0 ? hex
                : null;
        }

        return text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var decimalValue) ? decimalValue : null;
    }

    private static Error Mismatch(string detail) => GovernanceErrors.TypedDataMismatch;

    private static Error Invalid(string detail) => GovernanceErrors.InvalidTypedData;
}

/// <summary>The fields of a vote read from a wallet's typed-data document, before the usual checks of a vote.</summary>
/// <param name="ProposalId">The proposal the wallet signed for.</param>
/// <param name="Choice">The choice, unchecked.</param>
/// <param name="Voter">The voter's address as written, unchecked.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="Reason">The reason, unchecked.</param>
public sealed record EnvelopeMessage(long ProposalId, string Choice, string Voter, long Nonce, string Reason);
