using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Projects;

namespace Mikoshi.Cli;

/// <summary>`mikoshi project …`, `mikoshi contribution …` and `mikoshi thanks`: co-creation projects from the command line.</summary>
public static class ProjectCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };

    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting" };

    private static readonly Option<string?> Key = new("--idempotency-key") { Description = "Run twice with the same key: done once" };

    public static Command Project()
    {
        var title = new Option<string>("--title") { Required = true };
        var description = new Option<string?>("--description");
        var skills = new Option<string[]>("--skill") { AllowMultipleArgumentsPerToken = true, Description = "A needed skill (repeat)" };
        var values = new Option<string[]>("--value") { AllowMultipleArgumentsPerToken = true, Description = "A value the project holds (repeat)" };
        var create = new Command("create", "Start a project (members only); you lead its team.") { CommunityOption, By, title, description, skills, values, Key };
        create.SetAction(parse => RunAsync(parse, (services, caller) =>
        {
            var request = new ProjectRequest(parse.GetValue(title), parse.GetValue(description), parse.GetValue(skills) ?? [], parse.GetValue(values) ?? []);
            return services.GetRequiredService<ProjectBoard>().CreateAsync(caller, request, IdempotencyFor(parse, $"project create {caller.RequireCommunity().Slug}", request));
        }));

        var status = new Option<string?>("--status") { Description = "idea, forming, active, released or archived" };
        var list = new Command("list", "The community's projects, newest first.") { CommunityOption, status };
        list.SetAction(parse => ReadAsync(parse, async (db, community) =>
            PrintResult(await ProjectBoard.ListAsync(db, community, parse.GetValue(status)))));

        var project = new Argument<long>("project") { Description = "Project number" };
        var show = new Command("show", "A project: team, pending invitations and requests, contributions, thanks.") { project, CommunityOption };
        show.SetAction(parse => ReadAsync(parse, async (db, community) =>
            PrintResult(await ProjectNumber.Of(parse.GetValue(project)).ThenAsync(number => ProjectBoard.ViewAsync(db, community, number)))));

        var to = new Option<string>("--to") { Required = true, Description = "idea, forming, active, released or archived" };
        var move = new Command("status", "As a lead, move the project forward or archive it.") { project, CommunityOption, By, to };
        move.SetAction(parse => RunAsync(parse, (services, caller) =>
            ProjectNumber.Of(parse.GetValue(project)).ThenAsync(number => services.GetRequiredService<ProjectBoard>().ChangeStatusAsync(caller, number, new StatusRequest(parse.GetValue(to))))));

        var invitee = new Option<string>("--person") { Required = true, Description = "Email of the person invited" };
        var role = new Option<string>("--role") { Required = true, Description = "Role on the team, e.g. illustrator" };
        var invite = new Command("invite", "As a lead, invite a signed-up person onto the team.") { project, CommunityOption, By, invitee, role };
        invite.SetAction(parse => RunAsync(parse, async (services, caller) =>
        {
            var found = await Commands.FindPersonAsync(services, parse.GetValue(invitee)!);
            return found.IsSuccess
                ? await ProjectNumber.Of(parse.GetValue(project)).ThenAsync(number => services.GetRequiredService<Teams>().InviteAsync(caller, number, new InviteRequest(found.Value.ToString(), parse.GetValue(role))))
                : found.Error;
        }));

        var join = new Command("join", "As a member, ask to join the team in a role; a lead answers.") { project, CommunityOption, By, role };
        join.SetAction(parse => RunAsync(parse, (services, caller) =>
            ProjectNumber.Of(parse.GetValue(project)).ThenAsync(number => services.GetRequiredService<Teams>().AskToJoinAsync(caller, number, new JoinRequest(parse.GetValue(role))))));

        var invitation = new Argument<long>("invitation") { Description = "Invitation or join request number" };
        var accept = new Command("accept", "Accept: the invitee their invitation, or a lead a join request.") { invitation, CommunityOption, By };
        accept.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Teams>().AnswerAsync(caller, parse.GetValue(invitation), accept: true)));
        var decline = new Command("decline", "Decline: the invitee their invitation, or a lead a join request.") { invitation, CommunityOption, By };
        decline.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Teams>().AnswerAsync(caller, parse.GetValue(invitation), accept: false)));
        var workTitle = new Option<string>("--title") { Required = true };
        var url = new Option<string>("--url") { Required = true, Description = "Where people find the work (http or https)" };
        var released = new Option<DateTimeOffset?>("--released-at") { Description = "When it came out (default now)" };
        var work = new Command("work", "As a team member, add a work (制作物) the project released, with its link.") { project, CommunityOption, By, workTitle, url, released, Key };
        work.SetAction(parse => RunAsync(parse, (services, caller) =>
        {
            var request = new WorkRequest(parse.GetValue(workTitle), parse.GetValue(url), parse.GetValue(released));
            return ProjectNumber.Of(parse.GetValue(project)).ThenAsync(number => services.GetRequiredService<Works>().AddAsync(caller, number, request,
                IdempotencyFor(parse, $"work {caller.RequireCommunity().Slug} {number}", request)));
        }));
        return new Command("project", "Co-creation projects: create, list, show, status, invite, join, accept, decline, work.")
        {
            create, list, show, move, invite, join, accept, decline, work,
        };
    }

    public static Command Contribution()
    {
        var project = new Argument<long>("project") { Description = "Project number" };
        var summary = new Option<string>("--summary") { Required = true, Description = "What you did" };
        var evidence = new Option<string?>("--evidence") { Description = "An http(s) link to the work" };
        var occurred = new Option<string?>("--occurred-at") { Description = "When (ISO 8601, e.g. 2026-05-01T10:00:00Z); default now" };
        var record = new Command("record", "As a team member, record what you did for the project.") { project, CommunityOption, By, summary, evidence, occurred, Key };
        record.SetAction(parse => RunAsync(parse, async (services, caller) =>
        {
            DateTimeOffset? at = null;
            if (parse.GetValue(occurred) is { } typed)
            {
                if (!DateTimeOffset.TryParse(typed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return ProjectErrors.InvalidContribution;
                }

                at = parsed;
            }

            var request = new ContributionRequest(parse.GetValue(summary), parse.GetValue(evidence), at);
            return await ProjectNumber.Of(parse.GetValue(project)).ThenAsync(number => services.GetRequiredService<ContributionLog>().RecordAsync(caller, number, request,
                IdempotencyFor(parse, $"contribution record {caller.RequireCommunity().Slug} {number}", request)));
        }));

        var contribution = new Argument<long>("contribution") { Description = "Contribution number" };
        var acknowledge = new Command("acknowledge", "As another member of the team, acknowledge a contribution.") { contribution, CommunityOption, By };
        acknowledge.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<ContributionLog>().AcknowledgeAsync(caller, parse.GetValue(contribution))));

        var author = new Option<string>("--person") { Required = true, Description = "Email of the person" };
        var history = new Command("history", "A person's contributions in the community, newest first.") { CommunityOption, author };
        history.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<MikoshiDb>();
            var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
            var person = await Commands.FindPersonAsync(services, parse.GetValue(author)!);
            if (!community.IsSuccess)
            {
                return Commands.Print(community.Error);
            }

            if (!person.IsSuccess)
            {
                return Commands.Print(person.Error);
            }

            var id = person.Value;
            return Commands.PrintJson(new ContributionList(await ContributionLog.ViewsAsync(db, community.Value.Id, c => c.AuthorId == id)));
        });
        return new Command("contribution", "Contributions to projects: record, acknowledge, history.") { record, acknowledge, history };
    }

    public static Command Thanks()
    {
        var to = new Option<string>("--to") { Required = true, Description = "Email of the person thanked" };
        var message = new Option<string>("--message") { Required = true, Description = $"At most {ThanksRules.MaxMessageLength} characters" };
        var project = new Option<long?>("--project") { Description = "The project the thanks is for" };
        var command = new Command("thanks", "Thank someone (感謝), optionally for a project.") { CommunityOption, By, to, message, project, Key };
        command.SetAction(parse => RunAsync(parse, async (services, caller) =>
        {
            var thanked = await Commands.FindPersonAsync(services, parse.GetValue(to)!);
            if (!thanked.IsSuccess)
            {
                return thanked.Error;
            }

            var request = new ThanksRequest(thanked.Value.ToString(), parse.GetValue(message), parse.GetValue(project));
            return await services.GetRequiredService<ThanksFeed>().ThankAsync(caller, request, IdempotencyFor(parse, $"thanks {caller.RequireCommunity().Slug}", request));
        }));
        return command;
    }

    private static IdempotencyKey? IdempotencyFor<T>(ParseResult parse, string what, T request) =>
        parse.GetValue(Key) is { } key ? new IdempotencyKey(key, $"{what}\n{JsonSerializer.Serialize(request)}") : null;

    private static int PrintResult<T>(Result<T> result) => result.IsSuccess ? Commands.PrintJson(result.Value) : Commands.Print(result.Error);

    private static async Task<int> ReadAsync(ParseResult parse, Func<MikoshiDb, Community, Task<int>> read)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
        return community.IsSuccess ? await read(db, community.Value) : Commands.Print(community.Error);
    }

    private static async Task<int> RunAsync<T>(ParseResult parse, Func<IServiceProvider, Caller, Task<Result<Committed<T>>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var community = await MembershipCommands.FindCommunityAsync(services.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
        if (!community.IsSuccess)
        {
            return Commands.Print(community.Error);
        }

        var person = await Commands.FindPersonAsync(services, parse.GetValue(By)!);
        return person.IsSuccess
            ? Commands.Print(await work(services, await services.GetRequiredService<Features.Communities.Callers>().InAsync(community.Value, person.Value)))
            : Commands.Print(person.Error);
    }
}
