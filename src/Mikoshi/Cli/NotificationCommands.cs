using System.CommandLine;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Notifications;

namespace Mikoshi.Cli;

/// <summary>`mikoshi notifications …` and `mikoshi channel …`: a person's notices, one dispatcher pass, community channels.</summary>
public static class NotificationCommands
{
    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting" };

    public static Command Notifications()
    {
        var list = new Command("list", "A person's notices, newest first, with the unread count.") { By };
        list.SetAction(parse => AsPersonAsync(parse, async (services, person) =>
            Commands.PrintJson(await Inbox.ListAsync(services.GetRequiredService<MikoshiDb>(), person, null, EventText.English))));

        var read = new Command("read", "Mark all of a person's notices read.") { By };
        read.SetAction(parse => AsPersonAsync(parse, async (services, person) =>
            Commands.Print(await services.GetRequiredService<Inbox>().MarkReadAsync(person, null))));

        var kind = new Option<string>("--kind") { Required = true, Description = "An event kind (docs/events.md)" };
        var delivery = new Option<string>("--delivery") { Required = true, Description = "off, in_app, mail, daily or weekly" };
        var set = new Command("set", "Choose how one kind of news reaches a person.") { By, kind, delivery };
        set.SetAction(parse => AsPersonAsync(parse, async (services, person) =>
            Commands.Print(await services.GetRequiredService<Inbox>().ChangeSettingsAsync(person,
                new SettingsRequest(null, new Dictionary<string, string> { [parse.GetValue(kind)!] = parse.GetValue(delivery)! })))));

        var dispatch = new Command("dispatch", "Run one dispatcher pass now (what the server does every few seconds) and the channel deliveries that are due.");
        dispatch.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            var pass = await app.Services.GetRequiredService<NotificationDispatcher>().StepAsync();
            var posted = await app.Services.GetRequiredService<ChannelSender>().StepAsync();
            return Commands.PrintJson(new { pass, channelPosts = posted });
        });

        return new Command("notifications", "News for people: notices, choices, the dispatcher.") { list, read, set, dispatch };
    }

    public static Command Channel()
    {
        var community = new Option<string>("--community") { Required = true, Description = "Community slug" };
        var kind = new Option<string>("--kind") { Required = true, Description = "discord, slack, line or webhook" };
        var label = new Option<string>("--label") { Required = true };
        var url = new Option<string?>("--url") { Description = "The incoming webhook's URL (discord, slack, webhook)" };
        var token = new Option<string?>("--access-token") { Description = "The LINE channel access token" };
        var language = new Option<string>("--language") { DefaultValueFactory = _ => "ja", Description = "ja or en" };
        var events = new Option<string?>("--events") { Description = "The public event kinds it receives, comma-separated (all of them when absent)" };
        var add = new Command("add", "As an admin, add a community channel; a webhook's signing secret is printed once.") { community, By, kind, label, url, token, language, events };
        add.SetAction(parse => AsAdminAsync(parse, community, (services, admin) =>
            services.GetRequiredService<CommunityChannels>().AddAsync(admin,
                new ChannelRequest(parse.GetValue(kind), parse.GetValue(label), parse.GetValue(url), parse.GetValue(token), parse.GetValue(language), Kinds(parse.GetValue(events))))));

        var number = new Argument<long>("number") { Description = "The channel's number (channel list)" };
        var chosen = new Option<string?>("--events") { Description = "The public event kinds it receives, comma-separated; absent for all of them" };
        var choose = new Command("events", "As an admin, choose which event kinds a channel receives.") { number, community, By, chosen };
        choose.SetAction(parse => AsAdminAsync(parse, community, (services, admin) =>
            services.GetRequiredService<CommunityChannels>().ChooseEventsAsync(admin, parse.GetValue(number), new ChannelEventsRequest(Kinds(parse.GetValue(chosen))))));

        var delete = new Command("delete", "As an admin, delete a channel (its URL, secret and delivery log).") { number, community, By };
        delete.SetAction(parse => AsAdminAsync(parse, community, (services, admin) =>
            services.GetRequiredService<CommunityChannels>().DeleteAsync(admin, parse.GetValue(number))));

        var list = new Command("list", "As an admin, the community's channels and whether they were turned off.") { community, By };
        list.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var found = await CallerAsync(scope.ServiceProvider, parse.GetValue(community)!, parse.GetValue(By)!);
            var listed = found.IsSuccess
                ? await scope.ServiceProvider.GetRequiredService<CommunityChannels>().ListAsync(scope.ServiceProvider.GetRequiredService<MikoshiDb>(), found.Value)
                : found.Error;
            return listed.IsSuccess ? Commands.PrintJson(listed.Value) : Commands.Print(listed.Error);
        });
        return new Command("channel", "Community channels: Discord, Slack, LINE, signed webhooks.") { add, list, choose, delete };
    }

    private static string[]? Kinds(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<int> AsPersonAsync(ParseResult parse, Func<IServiceProvider, PersonId, Task<int>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var person = await Commands.FindPersonAsync(scope.ServiceProvider, parse.GetValue(By)!);
        return person.IsSuccess ? await work(scope.ServiceProvider, person.Value) : Commands.Print(person.Error);
    }

    /// <summary>Runs an admin's write as the <c>--by</c> person: the use case checks, under its lock, that they are an admin.</summary>
    private static async Task<int> AsAdminAsync<T>(ParseResult parse, Option<string> community, Func<IServiceProvider, Caller, Task<Result<Committed<T>>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var found = await CallerAsync(scope.ServiceProvider, parse.GetValue(community)!, parse.GetValue(By)!);
        return found.IsSuccess ? Commands.Print(await work(scope.ServiceProvider, found.Value)) : Commands.Print(found.Error);
    }

    private static async Task<Result<Caller>> CallerAsync(IServiceProvider services, string slug, string email)
    {
        var db = services.GetRequiredService<MikoshiDb>();
        var community = await MembershipCommands.FindCommunityAsync(db, slug);
        var person = await Commands.FindPersonAsync(services, email);
        if ((community.Error ?? person.Error) is { } missing)
        {
            return missing;
        }

        return await services.GetRequiredService<Callers>().InAsync(community.Value, person.Value);
    }
}
