using System.Buffers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Wallets;

namespace Mikoshi.Features.Governance;

/// <summary>
/// A signed vote, in either of two shapes: the EIP-712 message's fields and the voter's signature of its digest
/// (65 bytes, or 64 compact bytes, EIP-2098; a contract wallet's own format in chain mode), or the envelope a wallet
/// returns, Snapshot's shape: <c>{address, signature, data: {domain, types, primaryType, message}}</c>.
/// </summary>
public sealed record VoteRequest(string? Choice, string? Voter, long? Nonce, string? Reason, string? Signature, string? Address = null, JsonElement? Data = null);

/// <summary>A vote the server signs with the signed-in member's custodial key.</summary>
public sealed record CustodialVoteRequest(string? Choice, string? Reason);

public sealed record VoteView(
    long Sequence, long Proposal, string Voter, string PersonId, string Choice, long Nonce, string Reason,
    string Signature, string Digest, bool Custodial, DateTimeOffset At, bool Counted);

public sealed record VoteDomainView(string Name, string Version, long ChainId, string Salt);

/// <summary>
/// How an address came to act for its person, so that anyone can check it offline: for a wallet, the EIP-4361
/// message it signed (<c>personal_sign</c>) when it was linked or first signed in, and that signature; for a
/// custodial key, a statement naming the person signed by that key; for an outside holder in chain mode, none
/// (the chain shows the token at that address).
/// </summary>
public sealed record AddressLinkView(string Address, string PersonId, string Kind, string? Message, string? Signature);

public sealed record HolderPowerView(string PersonId, long Tokens, long Power);

public sealed record DelegationAtView(string Delegator, string Delegate);

/// <summary>
/// Everything needed to recompute a tally without trusting the server: the EIP-712 domain, the snapshot
/// (every holder's tokens and power, every delegation in force), every signed vote with its digest and signature.
/// </summary>
// Wire format: quorum and threshold as plain counts of basis points.
public sealed record VoteExport(
    long Proposal, string Strategy, int QuorumBps, int ThresholdBps, DateTimeOffset SnapshotAt, VoteDomainView Domain,
    IReadOnlyList<HolderPowerView> Holders, IReadOnlyList<DelegationAtView> Delegations, IReadOnlyList<VoteView> Votes, TallyView Tally)
{
    /// <summary>The EIP-712 types every vote was signed with (as eth_signTypedData_v4 writes them).</summary>
    public JsonElement Types { get; init; }

    /// <summary>The primary type: <c>Vote</c>.</summary>
    public string PrimaryType { get; init; } = "Vote";

    /// <summary>For each address that voted, the signed message that links it to its person.</summary>
    public IReadOnlyList<AddressLinkView> Links { get; init; } = [];
}

/// <summary>
/// Signed votes. A vote is an EIP-712 message (domain "Mikoshi", version, chain id, and the community as salt;
/// message: proposal, choice, voter, nonce, reason) signed by the voter's key: a wallet's, or the member's
/// custodial key on the server. The server recovers the signer, checks it is the voter, that the voter is linked
/// to a person with power at the snapshot, that the window is open, and that the nonce is new; it keeps every vote.
/// </summary>
public sealed class Voting(Writer writer, IConfiguration configuration, CustodialKeys keys, TimeProvider clock, ChainConnection chain)
{
    public long ChainId => configuration.GetValue<long?>("Mikoshi:ChainId") ?? VoteDomain.DefaultChainId;

    public VoteDomain DomainOf(Community community) => VoteDomain.For(community.Id.Value, ChainId);

    /// <summary>The message a voter signs, checked field by field.</summary>
    public static Result<VoteMessage> Message(long proposal, string? choice, string? voter, long? nonce, string? reason)
    {
        if (!VoteChoices.IsValid(choice))
        {
            return GovernanceErrors.ChoiceNotOnBallot;
        }

        var address = EthAddress.Parse(voter);
        if (!address.IsSuccess)
        {
            return address.Error;
        }

        if (nonce is not { } n || n < 0)
        {
            return GovernanceErrors.InvalidNonce;
        }

        reason ??= string.Empty;
        if (reason.Length > VoteRules.MaxReasonLength || reason.Any(char.IsControl))
        {
            return GovernanceErrors.InvalidReason(VoteRules.MaxReasonLength);
        }

        return new VoteMessage(proposal, choice!, address.Value, n, reason);
    }

    /// <summary>
    /// The eth_signTypedData_v4 document for a vote; without a nonce, the voter's next one (the signed-in caller's, when
    /// the voter is not linked yet). Without a choice or a voter, a template: the choice empty, the voter the zero
    /// address, for the wallet to fill in.
    /// </summary>
    public async Task<Result<string>> TypedDataAsync(MikoshiDb db, Community community, long proposal, string? voter, string? choice, long? nonce, string? reason, PersonId? caller = null)
    {
        if (!await db.Proposals.AnyAsync(p => p.CommunityId == community.Id && p.Number == proposal))
        {
            return Proposals.NotFound(proposal);
        }

        if (nonce is null && EthAddress.Parse(voter) is { IsSuccess: true } address && await Wallets.WalletLinks.PersonOfAsync(db, address.Value) is { } person)
        {
            nonce = await NextNonceAsync(db, community.Id, proposal, person);
        }

        if (nonce is null && voter is null && caller is { } member)
        {
            nonce = await NextNonceAsync(db, community.Id, proposal, member);
        }

        if (choice is null || voter is null)
        {
            // A template: the document a wallet will sign once the choice (and, for someone without an address
            // yet, the voter) is filled in. An empty choice is on no ballot, so the template itself is never a vote.
            var template = Message(proposal, VoteChoices.For, voter ?? "0x0000000000000000000000000000000000000000", nonce ?? 1, reason);
            return template.IsSuccess ? VoteTypedData.Json(DomainOf(community), template.Value with { Choice = string.Empty }) : template.Error;
        }

        var message = Message(proposal, choice, voter, nonce ?? 1, reason);
        return message.IsSuccess ? VoteTypedData.Json(DomainOf(community), message.Value) : message.Error;
    }

    public static async Task<long> NextNonceAsync(MikoshiDb db, CommunityId community, long proposal, PersonId person) =>
        (await db.Votes.Where(v => v.CommunityId == community && v.ProposalNumber == proposal && v.PersonId == person)
            .Select(v => (long?)v.Nonce).MaxAsync() ?? 0) + 1;

    /// <summary>Verifies and records a signed vote: the signature is the authority, whoever posts it. Every refusal writes nothing.</summary>
    public Task<Result<Committed<VoteView>>> CastAsync(Caller poster, long proposal, VoteRequest request) =>
        CastAsync(poster, Access.Anyone, proposal, request, custodial: false);

    private async Task<Result<Committed<VoteView>>> CastAsync(Caller poster, Access access, long proposal, VoteRequest request, bool custodial)
    {
        var community = poster.RequireCommunity();
        if (request.Data is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } data)
        {
            var opened = OpenEnvelope(community, proposal, request, data);
            if (!opened.IsSuccess)
            {
                return opened.Error;
            }

            request = opened.Value;
        }

        var message = Message(proposal, request.Choice, request.Voter, request.Nonce, request.Reason);
        if (!message.IsSuccess)
        {
            return message.Error;
        }

        var digest = VoteTypedData.Digest(DomainOf(community), message.Value);
        var verified = await VerifyAsync(digest, message.Value.Voter, request.Signature);
        if (verified is not null)
        {
            return verified;
        }

        return await writer.RunAsync(poster, access, null, async write =>
        {
            var db = write.Db;
            var row = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Number == proposal);
            if (row is null)
            {
                return Proposals.NotFound(proposal);
            }

            var now = write.At.ToUnixTimeMilliseconds();
            var open = row.CheckVoteAt(write.At);
            if (!open.IsSuccess)
            {
                return open.Error;
            }

            var person = await Wallets.WalletLinks.PersonOfAsync(db, message.Value.Voter);
            var snapshot = await Proposals.SnapshotAsync(db, row);
            if (person is null || !snapshot.CanVote(person.Value.Value))
            {
                return NoPower();
            }

            if (message.Value.Nonce < await NextNonceAsync(db, community.Id, proposal, person.Value))
            {
                return GovernanceErrors.VoteReplayed;
            }

            var sequence = await ChainHeads.TakeAsync(db, community.Id.Value, $"votes:{proposal}");
            var vote = new VoteRow
            {
                CommunityId = community.Id,
                ProposalNumber = proposal,
                Sequence = sequence,
                PersonId = person.Value,
                Address = message.Value.Voter.ToString(),
                Choice = message.Value.Choice,
                Nonce = message.Value.Nonce,
                Reason = message.Value.Reason,
                Signature = request.Signature!.ToLowerInvariant(),
                Digest = "0x" + Convert.ToHexStringLower(digest),
                Custodial = custodial,
                AtUnixMs = now,
            };
            db.Votes.Add(vote);
            await write.AuditAsync("proposal.voted", new
            {
                proposal,
                voter = vote.Address,
                personId = vote.PersonId.ToString(),
                choice = vote.Choice,
                nonce = vote.Nonce,
                reason = vote.Reason,
                digest = vote.Digest,
                signature = vote.Signature,
                custodial,
            });
            if (vote.Choice == VoteChoices.For)
            {
                // A vote for holds the voter's tokens (TokenLocks) until the proposal is settled, and those of the
                // delegators who left their vote to this voter.
                await GovernanceEvents.AnnounceLockedAsync(write, row, vote.PersonId);
            }

            return Result<VoteView>.Ok(View(vote, counted: true));
        });
    }

    /// <summary>
    /// The envelope's vote as today's fields, after checking that the document is the published one for this
    /// community, chain and proposal, and that the envelope's address is the vote's voter.
    /// </summary>
    private Result<VoteRequest> OpenEnvelope(Community community, long proposal, VoteRequest request, JsonElement data)
    {
        if (request.Choice is not null || request.Voter is not null || request.Nonce is not null || request.Reason is not null)
        {
            return GovernanceErrors.InvalidTypedData;
        }

        var read = VoteEnvelope.Read(data, DomainOf(community));
        if (!read.IsSuccess)
        {
            return read.Error;
        }

        var vote = read.Value;
        if (vote.ProposalId != proposal)
        {
            return GovernanceErrors.ProposalMismatch;
        }

        if (request.Address is not null)
        {
            var address = EthAddress.Parse(request.Address);
            var voter = EthAddress.Parse(vote.Voter);
            if (!address.IsSuccess)
            {
                return address.Error;
            }

            if (voter.IsSuccess && address.Value != voter.Value)
            {
                return GovernanceErrors.EnvelopeAddressMismatch;
            }
        }

        return new VoteRequest(vote.Choice, vote.Voter, vote.Nonce, vote.Reason, request.Signature);
    }

    /// <summary>
    /// Null when <paramref name="voter"/> signed <paramref name="digest"/>: a key's signature (65 bytes, or 64 compact)
    /// that recovers the voter, or, in chain mode, one the voter's contract wallet accepts (EIP-1271).
    /// </summary>
    private async Task<Error?> VerifyAsync(byte[] digest, EthAddress voter, string? signatureHex)
    {
        var signer = Signatures.Recover(digest, signatureHex);
        if (signer.IsSuccess && signer.Value == voter)
        {
            return null;
        }

        // A signature for another proposal, community or chain, or by another key, recovers someone else.
        var refusal = signer.IsSuccess
            ? IdentityErrors.SignatureMismatch
            : signer.Error;
        if (!chain.Settings.IsConfigured || !TryBytes(signatureHex, out var bytes))
        {
            return refusal;
        }

        var client = chain.Client();
        if (!client.IsSuccess)
        {
            return client.Error;
        }

        var accepted = await ChainConnection.TryAsync(() => ContractSignatures.IsValidAsync(client.Value, voter, digest, bytes));
        return !accepted.IsSuccess ? accepted.Error
            : accepted.Value ? null
            : signer.IsSuccess ? IdentityErrors.SignatureMismatch
            : refusal;
    }

    private static bool TryBytes(string? hex, out byte[] bytes)
    {
        bytes = [];
        var digits = hex.AsSpan();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.Length == 0 || digits.Length % 2 != 0 || digits.Length > 2 * VoteRules.MaxSignatureBytes)
        {
            return false;
        }

        var buffer = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, buffer, out _, out var written) != OperationStatus.Done || written != buffer.Length)
        {
            return false;
        }

        bytes = buffer;
        return true;
    }

    /// <summary>The signed-in member's vote, signed on the server with their custodial key (generated on first use).</summary>
    public async Task<Result<Committed<VoteView>>> CastCustodialAsync(Caller voter, long proposal, CustodialVoteRequest request, MikoshiDb db)
    {
        var person = voter.RequirePerson();
        var community = voter.RequireCommunity();
        var early = Message(proposal, request.Choice, "0x0000000000000000000000000000000000000000", 0, request.Reason);
        if (!early.IsSuccess)
        {
            return early.Error;
        }

        // Refuse what the vote itself would refuse before making a key, so that a refusal writes nothing.
        var row = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Number == proposal);
        if (row is null)
        {
            return Proposals.NotFound(proposal);
        }

        var open = row.CheckVoteAt(clock.GetUtcNow());
        if (!open.IsSuccess)
        {
            return open.Error;
        }

        if (!(await Proposals.SnapshotAsync(db, row)).CanVote(person.Value))
        {
            return NoPower();
        }

        var key = await keys.EnsureAsync(person);
        if (!key.IsSuccess)
        {
            return key.Error;
        }

        var nonce = await NextNonceAsync(db, community.Id, proposal, person);
        var message = new VoteMessage(proposal, request.Choice!, key.Value.Address, nonce, request.Reason ?? string.Empty);
        var signature = key.Value.Sign(VoteTypedData.Digest(DomainOf(community), message));
        return await CastAsync(voter, Access.SignedIn, proposal, new VoteRequest(message.Choice, message.Voter.ToString(), nonce, message.Reason, signature), custodial: true);
    }

    public async Task<Result<VoteExport>> ExportAsync(MikoshiDb db, Community community, long proposal)
    {
        var row = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Number == proposal);
        if (row is null)
        {
            return Proposals.NotFound(proposal);
        }

        var snapshot = await Proposals.SnapshotAsync(db, row);
        var votes = await db.Votes.AsNoTracking().Where(v => v.CommunityId == community.Id && v.ProposalNumber == proposal).OrderBy(v => v.Sequence).ToListAsync();
        var counted = Snapshot.Latest(votes).Values.Select(v => v.Sequence).ToHashSet();
        var domain = DomainOf(community);
        return new VoteExport(
            proposal, row.Strategy, row.QuorumBps.Value, row.ThresholdBps.Value, Proposals.Instant(row.OpensAtUnixMs),
            new VoteDomainView(domain.Name, domain.Version, domain.ChainId, "0x" + Convert.ToHexStringLower(domain.Salt)),
            snapshot.Tokens.Where(t => t.Value > 0).OrderBy(t => t.Key).Select(t => new HolderPowerView(new PersonId(t.Key).ToString(), t.Value, snapshot.OwnOf(t.Key))).ToList(),
            snapshot.DelegateOf.OrderBy(d => d.Key).Select(d => new DelegationAtView(new PersonId(d.Key).ToString(), new PersonId(d.Value).ToString())).ToList(),
            votes.Select(v => View(v, counted.Contains(v.Sequence))).ToList(),
            TallyView.Of(snapshot.Count(votes, row.QuorumBps, row.ThresholdBps)))
        {
            Types = PublishedTypes,
            Links = await LinksAsync(db, votes),
        };
    }

    /// <summary>The EIP-712 types of a vote, as the typed-data documents carry them.</summary>
    public static JsonElement PublishedTypes { get; } =
        JsonDocument.Parse(VoteTypedData.Json(VoteDomain.For(Guid.Empty, 0), new VoteMessage(0, VoteChoices.For, EthAddress.Parse("0x0000000000000000000000000000000000000000").Value, 0, string.Empty)))
            .RootElement.GetProperty("types").Clone();

    /// <summary>
    /// The statement a custodial key signs in the export, naming the person as the reader of the export sees them
    /// (their id, or their pseudonym outside the community).
    /// </summary>
    public static string CustodialStatement(string address, string person, string community) =>
        $"{address} is the custodial key Mikoshi keeps for {person} in the community {community}; it signs that person's votes and no one else's.";

    private static async Task<IReadOnlyList<AddressLinkView>> LinksAsync(MikoshiDb db, IReadOnlyList<VoteRow> votes)
    {
        var addresses = votes.Select(v => v.Address.ToLowerInvariant()).Distinct().ToList();
        var rows = await db.WalletLinks.AsNoTracking().Where(l => addresses.Contains(l.Address)).ToListAsync();
        return rows.OrderBy(l => l.Address, StringComparer.Ordinal)
            .Select(l => new AddressLinkView(EthAddress.Parse(l.Address).Value.ToString(), l.PersonId.ToString(), l.Kind, l.LinkMessage, l.LinkSignature))
            .ToList();
    }

    /// <summary>
    /// Has each custodial key in the export sign the statement that it is its person's (as the export names them),
    /// so that a reader can check with a wallet library alone that the server keeps that key for that person.
    /// </summary>
    public async Task<VoteExport> SignCustodialLinksAsync(MikoshiDb db, Community community, VoteExport export)
    {
        var links = new List<AddressLinkView>(export.Links.Count);
        foreach (var link in export.Links)
        {
            if (link.Kind != WalletLinks.CustodialKind)
            {
                links.Add(link);
                continue;
            }

            var lower = link.Address.ToLowerInvariant();
            var owner = await db.WalletLinks.AsNoTracking().Where(l => l.Address == lower).Select(l => (PersonId?)l.PersonId).FirstOrDefaultAsync();
            var statement = CustodialStatement(link.Address, link.PersonId, community.Slug);
            var signature = owner is { } person ? await keys.SignStatementAsync(person, statement) : null;
            links.Add(link with { Message = signature is null ? null : statement, Signature = signature });
        }

        return export with { Links = links };
    }

    private static Error NoPower() =>
        GovernanceErrors.NoVotingPower;

    private static VoteView View(VoteRow v, bool counted) =>
        new(v.Sequence, v.ProposalNumber, v.Address, v.PersonId.ToString(), v.Choice, v.Nonce, v.Reason, v.Signature, v.Digest, v.Custodial, Proposals.Instant(v.AtUnixMs), counted);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/proposals/{proposalId:long}/typed-data",
                async (long proposalId, string? voter, string? choice, long? nonce, string? reason, Voting voting, MikoshiDb db, HttpContext http) =>
                {
                    // Without a voter, a signed-in member's typed data names their address: a linked wallet, else their custodial key.
                    if (voter is null && http.Caller().Person is { } person)
                    {
                        voter = (await Wallets.WalletLinks.AddressOfAsync(db, person))?.ToString();
                    }

                    var typed = await voting.TypedDataAsync(db, http.Caller().RequireCommunity(), proposalId, voter, choice, nonce, reason, http.Caller().Person);
                    return typed.IsSuccess ? Results.Content(typed.Value, "application/json") : Problems.For(typed.Error);
                })
            .Allow(Access.Anyone)
            .WithSummary("The EIP-712 typed data (eth_signTypedData_v4 JSON) a voter signs: ?voter=0x…&choice=for|against|abstain&nonce=…&reason=…; without a nonce, the voter's next; signed in without a voter, your linked wallet (else your custodial key's address). Without a choice, or for a member with no address yet, a template (choice empty, voter 0x000…0) to fill in. The domain's chainId is the configured chain.");
        api.MapPost("/communities/{slug}/proposals/{proposalId:long}/votes", async (long proposalId, VoteRequest request, Voting voting, HttpContext http) =>
            {
                return Problems.From(await voting.CastAsync(http.Caller(), proposalId, request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.Anyone)
            .WithSummary("Cast a signed vote {choice, voter, nonce, reason, signature}, or post the envelope a wallet returns {address, signature, data: {domain, types, primaryType, message}}: the signature is the authority, so no sign-in is needed. Signatures of 65 bytes or 64 (EIP-2098); in chain mode, a contract wallet's (EIP-1271). The latest nonce counts; a replayed or older nonce is refused.")
            .Produces<VoteView>(StatusCodes.Status201Created);
        api.MapPost("/communities/{slug}/proposals/{proposalId:long}/votes/custodial", async (long proposalId, CustodialVoteRequest request, Voting voting, MikoshiDb db, HttpContext http) =>
            {
                return Problems.From(await voting.CastCustodialAsync(http.Caller(), proposalId, request, db), StatusCodes.Status201Created, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("Vote {choice, reason} without a wallet: the server signs with your custodial key (made on first use), the same EIP-712 message a wallet would sign.")
            .Produces<VoteView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/proposals/{proposalId:long}/votes", async (long proposalId, Voting voting, MikoshiDb db, Ledger.PublicNames names, HttpContext http) =>
            {
                var caller = http.Caller();
                var community = caller.RequireCommunity();
                var export = await voting.ExportAsync(db, community, proposalId);
                return export.IsSuccess
                    ? Results.Ok(await voting.SignCustodialLinksAsync(db, community, await names.VotesAsync(db, community.Id, Ledger.PublicNames.IsInsider(caller.Roles), export.Value)))
                    : Problems.For(export.Error);
            })
            .Allow(Access.Anyone)
            .WithSummary("Every signed vote with its digest and signature, the EIP-712 domain, and the snapshot (holders' power, delegations): enough to recompute the tally. Outside the community, people who did not choose to be shown appear under their pseudonym (member-…) in place of their id.")
            .Produces<VoteExport>();
    }
}
