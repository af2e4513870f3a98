using System.CommandLine;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Matching;

namespace Mikoshi.Cli;

/// <summary>`mikoshi suggest team|people`: the suggestions the project and person pages show, with their reasons, as JSON.</summary>
public static class MatchingCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };

    public static Command Suggest()
    {
        var project = new Argument<long>("project") { Description = "Project number" };
        var team = new Command("team", "A suggested team for a project: who covers its missing skills, and why.") { project, CommunityOption };
        team.SetAction(parse => ReadAsync(parse, async (_, db, community) =>
            Print(await ProjectNumber.Of(parse.GetValue(project)).ThenAsync(number => Suggestions.TeamAsync(db, community, number)))));

        var person = new Option<string>("--person") { Required = true, Description = "Email of the person" };
        var people = new Command("people", "Suggested collaborators for a person: shared values, skills they don't list, not yet worked together.") { CommunityOption, person };
        people.SetAction(parse => ReadAsync(parse, async (services, db, community) =>
        {
            var found = await Commands.FindPersonAsync(services, parse.GetValue(person)!);
            return found.IsSuccess
                ? Print(await Suggestions.CollaboratorsAsync(db, community, found.Value.ToString()))
                : Commands.Print(found.Error);
        }));

        return new Command("suggest", "Matching: a team for a project, or people to make something with.") { team, people };
    }

    private static int Print<T>(Result<T> result) => result.IsSuccess ? Commands.PrintJson(result.Value) : Commands.Print(result.Error);

    private static async Task<int> ReadAsync(ParseResult parse, Func<IServiceProvider, MikoshiDb, Community, Task<int>> read)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
        return community.IsSuccess ? await read(scope.ServiceProvider, db, community.Value) : Commands.Print(community.Error);
    }
}
