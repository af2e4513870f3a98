using System.CommandLine;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Indexing;

namespace Mikoshi.Cli;

/// <summary>`mikoshi chain deploy|status|publish|index`: chain mode from the command line (the node from --chain-rpc or Mikoshi:Chain:RpcUrl).</summary>
public static class ChainCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };
    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting" };

    public static Command Chain()
    {
        var deploy = new Command("deploy", "An admin puts the community in chain mode: deploys its contracts and queues a mint of every token in circulation.") { CommunityOption, By };
        deploy.SetAction(parse => RunAsync(parse, (services, admin) =>
            services.GetRequiredService<ChainDeployments>().DeployAsync(admin)));

        var asset = new Option<string>("--asset") { Description = "The asset to publish (default ETH, the chain's native coin)" };
        var publish = new Command("publish", "A treasurer publishes a claims epoch: holder shares settled, balances moved into on-chain claims, the root queued with its funding.") { CommunityOption, By, asset };
        publish.SetAction(parse => RunAsync(parse, (services, treasurer) =>
            services.GetRequiredService<ChainClaims>().PublishAsync(treasurer, new PublishRequest(parse.GetValue(asset)))));

        var status = new Command("status", "The contracts, the indexer's cursor and its lag behind the chain, the outbox and the epochs.") { CommunityOption };
        status.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var community = await MembershipCommands.FindCommunityAsync(scope.ServiceProvider.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
            if (!community.IsSuccess)
            {
                return Commands.Print(community.Error);
            }

            var read = await scope.ServiceProvider.GetRequiredService<ChainDeployments>().StatusAsync(community.Value);
            return read.IsSuccess ? Commands.PrintJson(read.Value) : Commands.Print(read.Error);
        });

        var index = new Command("index", "One indexer pass now (send the outbox, repair a reorganisation, mirror confirmed blocks); what `serve` does every few seconds.") { CommunityOption };
        index.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var community = await MembershipCommands.FindCommunityAsync(scope.ServiceProvider.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
            if (!community.IsSuccess)
            {
                return Commands.Print(community.Error);
            }

            var pass = await app.Services.GetRequiredService<ChainIndexer>().StepAsync(community.Value.Id);
            return pass.IsSuccess ? Commands.PrintJson(pass.Value) : Commands.Print(pass.Error);
        });

        return new Command("chain", "Chain mode: the membership NFT and holder claims on an EVM chain.") { deploy, status, publish, index };
    }

    /// <summary>Runs a write as the <c>--by</c> person in the community: the use case checks what they may do.</summary>
    private static async Task<int> RunAsync<T>(ParseResult parse, Func<IServiceProvider, Caller, Task<Result<Committed<T>>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MikoshiDb>();
        var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
        var person = await Commands.FindPersonAsync(services, parse.GetValue(By)!);
        if ((community.Error ?? person.Error) is { } missing)
        {
            return Commands.Print(missing);
        }

        return Commands.Print(await work(services, await services.GetRequiredService<Callers>().InAsync(community.Value, person.Value)));
    }
}
