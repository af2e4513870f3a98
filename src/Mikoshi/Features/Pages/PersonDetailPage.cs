using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Membership;
using Mikoshi.Features.People;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Pages;

/// <summary>
/// A person's page in a community: their profile, the names two people share, their contributions and — for a
/// signed-in reader other than them — their succession plan, which the page shows only to the people it names.
/// </summary>
public sealed record PersonDetailView(Community Community, PersonPage Person, IReadOnlySet<string> Twins, IReadOnlyList<ContributionView> Contributions, SuccessionView? Plan);

/// <summary>The person page's one query (named apart from <see cref="PersonPage"/>, the API's view of a person).</summary>
public sealed class PersonDetailPage(MikoshiDb db)
{
    /// <summary>The page, or null when there is no such community or person.</summary>
    public async Task<PersonDetailView?> LoadAsync(string slug, string personId, PersonId? reader, DateTimeOffset now)
    {
        if (await PageReads.CommunityAsync(db, slug) is not { } community || await Profiles.PageAsync(db, community, personId, now) is not { IsSuccess: true } found)
        {
            return null;
        }

        var person = found.Value;
        IReadOnlyList<ContributionView> contributions = [];
        if (Guid.TryParse(person.Profile.PersonId, out var author))
        {
            var authorId = new PersonId(author);
            contributions = await ContributionLog.ViewsAsync(db, community.Id, c => c.AuthorId == authorId);
        }

        var plan = reader is { } viewer && viewer.ToString() != person.Profile.PersonId && Guid.TryParse(personId, out var holder)
            ? await SuccessionPage.PlanAsync(db, community, new PersonId(holder))
            : null;
        return new PersonDetailView(community, person, await NameTwins.InAsync(db, community), contributions, plan);
    }
}
