using System.CommandLine;
using System.Text.Json;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Governance;

namespace Mikoshi.Cli;

/// <summary>`mikoshi proposal create|list|show|vote|cancel|execute` and `mikoshi delegate`: governance from the command line.</summary>
public static class GovernanceCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };
    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting" };
    private static readonly Argument<long> Id = new("id") { Description = "Proposal number" };

    public static IEnumerable<Command> All() => [Proposal(), Delegate()];

    private static Command Proposal()
    {
        var kind = new Option<string>("--kind") { Required = true, Description = "fund, parameter, charter or signal" };
        var title = new Option<string>("--title") { Required = true };
        var body = new Option<string?>("--body");
        var strategy = new Option<string?>("--strategy") { Description = "token-weighted (default), one-member-one-vote or quadratic" };
        var payload = new Option<string?>("--payload") { Description = "JSON: fund {projectId, asset, amount, recoupRateBps}; parameter {name, value}; charter {text, values}" };
        var opensAt = new Option<DateTimeOffset?>("--opens-at") { Description = "Default now; also the snapshot instant" };
        var closesAt = new Option<DateTimeOffset?>("--closes-at") { Description = "Default: the community's voting period for the kind" };
        var grace = new Option<int?>("--grace-hours") { Description = "Default: the community's grace period for the kind" };
        var create = new Command("create", "A member opens a proposal; its rules are frozen now.") { CommunityOption, By, kind, title, body, strategy, payload, opensAt, closesAt, grace };
        create.SetAction(parse => RunAsync(parse, async (services, caller) =>
        {
            JsonElement? json = null;
            if (parse.GetValue(payload) is { } text)
            {
                try
                {
                    json = JsonDocument.Parse(text).RootElement;
                }
                catch (JsonException)
                {
                    return GovernanceErrors.InvalidProposal;
                }
            }

            return await services.GetRequiredService<Proposals>().CreateAsync(caller, new ProposalRequest(
                parse.GetValue(kind), parse.GetValue(title), parse.GetValue(body), parse.GetValue(strategy), json,
                parse.GetValue(opensAt), parse.GetValue(closesAt), parse.GetValue(grace)), null);
        }));

        var list = new Command("list", "Proposals, newest first, with state and tally.") { CommunityOption };
        list.SetAction(parse => ReadAsync(parse, async (services, community) =>
        {
            var page = await services.GetRequiredService<Proposals>().ListAsync(services.GetRequiredService<MikoshiDb>(), community, null, Api.Paging.MaxLimit, null);
            return page.IsSuccess ? page.Value : (object)page.Error;
        }));

        var show = new Command("show", "One proposal: state, countdown, live tally, and every signed vote.") { Id, CommunityOption };
        show.SetAction(parse => ReadAsync(parse, async (services, community) =>
        {
            var db = services.GetRequiredService<MikoshiDb>();
            var proposal = await services.GetRequiredService<Proposals>().ReadAsync(db, community, parse.GetValue(Id), null);
            var votes = await services.GetRequiredService<Voting>().ExportAsync(db, community, parse.GetValue(Id));
            return (proposal.Error ?? votes.Error) is { } missing ? (object)missing : new { proposal = proposal.Value, votes = votes.Value };
        }));

        var choice = new Option<string>("--choice") { Required = true, Description = "for, against or abstain" };
        var reason = new Option<string?>("--reason");
        var vote = new Command("vote", "Vote, signed with the person's custodial key (made on first use).") { Id, CommunityOption, By, choice, reason };
        vote.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Voting>().CastCustodialAsync(caller, parse.GetValue(Id),
                new CustodialVoteRequest(parse.GetValue(choice), parse.GetValue(reason)), services.GetRequiredService<MikoshiDb>())));

        var cancel = new Command("cancel", "The proposer cancels, until the proposal is queued.") { Id, CommunityOption, By };
        cancel.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Proposals>().CancelAsync(caller, parse.GetValue(Id))));

        var execute = new Command("execute", "Run the executor once now: settle every proposal whose grace has ended (the server does this by itself every few seconds).");
        execute.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            return Commands.PrintJson(await app.Services.GetRequiredService<GovernanceExecutor>().StepAsync());
        });
        return new Command("proposal", "Governance proposals: create, list, show, vote, cancel, execute.") { create, list, show, vote, cancel, execute };
    }

    private static Command Delegate()
    {
        var to = new Option<string?>("--to") { Description = "Email of the delegate; leave out to revoke" };
        var command = new Command("delegate", "Delegate your voting power in a community (or revoke it); your own vote always overrides.") { CommunityOption, By, to };
        command.SetAction(parse => RunAsync(parse, async (services, caller) =>
        {
            string? target = null;
            if (parse.GetValue(to) is { } email)
            {
                var found = await Commands.FindPersonAsync(services, email);
                if (!found.IsSuccess)
                {
                    return found.Error;
                }

                target = found.Value.ToString();
            }

            return await services.GetRequiredService<Delegations>().SetAsync(caller, new DelegationRequest(target));
        }));
        return command;
    }

    /// <summary>Runs a write as the <c>--by</c> person in the community: the use case checks what they may do, under its lock.</summary>
    private static async Task<int> RunAsync<T>(ParseResult parse, Func<IServiceProvider, Caller, Task<Result<Committed<T>>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var community = await MembershipCommands.FindCommunityAsync(services.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
        var person = await Commands.FindPersonAsync(services, parse.GetValue(By)!);
        if ((community.Error ?? person.Error) is { } missing)
        {
            return Commands.Print(missing);
        }

        return Commands.Print(await work(services, await services.GetRequiredService<Callers>().InAsync(community.Value, person.Value)));
    }

    private static async Task<int> ReadAsync(ParseResult parse, Func<IServiceProvider, Community, Task<object>> read)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var community = await MembershipCommands.FindCommunityAsync(services.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
        if (!community.IsSuccess)
        {
            return Commands.Print(community.Error);
        }

        var value = await read(services, community.Value);
        return value is Error error ? Commands.Print(error) : Commands.PrintJson(value);
    }
}
