using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

/// <summary>A field left out keeps its value.</summary>
public sealed record LlcSettingsRequest(bool? Enabled, bool? ArticlesProvideInheritance);

public sealed record LlcSettingsView(bool Enabled, bool ArticlesProvideInheritance, bool CapAtPaidIn)
{
    public static LlcSettingsView Of(Community community) => new(community.LlcDao, community.ArticlesProvideInheritance, community.CapHolderDistributions);
}

public sealed record LlcMemberRequest(string? Role);

/// <summary>One line of the member register: who, their role, what they paid in (出資額), tokens held, who approved them and when.</summary>
public sealed record LlcMemberView(string PersonId, string DisplayName, string Role, AmountView PaidIn, int Tokens, string ApprovedBy, DateTimeOffset ApprovedAt);

public sealed record LlcRegisterView(LlcSettingsView Settings, IReadOnlyList<LlcMemberView> Members);

/// <summary>
/// The LLC-type DAO mode (合同会社型DAO): one setting that turns on the member register (社員名簿), transfer consent for
/// every way a token reaches a person (会社法585条), the cap at what each member paid in, succession only under the
/// articles (会社法608条), and a draft of the matching articles clauses.
/// </summary>
public sealed class LlcDao(Writer writer, MikoshiDb db)
{
    /// <summary>
    /// An admin turns the mode on or off. Turning it on registers the admin as a 業務執行社員 and every present holder
    /// as a 非業務執行社員 (they are members already), so no holder is left outside the register.
    /// </summary>
    public Task<Result<Committed<LlcSettingsView>>> ChangeAsync(Caller caller, LlcSettingsRequest request) =>
        writer.RunAsync(caller, Access.Admin, null, async write =>
        {
            var (admin, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var tracked = await TokenBook.CurrentAsync(write.Db, community.Id);
            var turningOn = request.Enabled == true && !tracked.LlcDao;
            if (turningOn && await write.Db.ChainDeployments.AnyAsync(d => d.CommunityId == community.Id))
            {
                // The contract lets any holder transfer on chain; the register could not hold them to the consent rule.
                return MembershipErrors.LlcChainMode;
            }

            tracked.ChangeLlcDao(request.Enabled ?? tracked.LlcDao, request.ArticlesProvideInheritance ?? tracked.ArticlesProvideInheritance);
            if (turningOn)
            {
                await RegisterAsync(write, community.Id, admin, LlcRole.Executive, admin);
                var holders = await write.Db.Tokens.Where(t => t.CommunityId == community.Id && t.OwnerId != null)
                    .Select(t => t.OwnerId!.Value).Distinct().ToListAsync();
                foreach (var holder in holders)
                {
                    await RegisterAsync(write, community.Id, holder, LlcRole.NonExecutive, admin);
                }
            }

            var view = LlcSettingsView.Of(tracked);
            await write.AuditAsync("llc.changed", view);
            return Result<LlcSettingsView>.Ok(view);
        });

    /// <summary>A 業務執行社員 approves a person into the register (or changes their role): from then on they may receive tokens.</summary>
    public async Task<Result<Committed<LlcMemberView>>> ApproveAsync(Caller caller, string? personId, LlcMemberRequest request)
    {
        var (executive, community) = (caller.RequirePerson(), caller.RequireCommunity());
        var person = await PeopleBook.FindAsync(db, personId);
        if (!person.IsSuccess)
        {
            return person.Error;
        }

        var role = LlcRules.Role(request.Role);
        if (!role.IsSuccess)
        {
            return role.Error;
        }

        return await writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var tracked = await TokenBook.CurrentAsync(write.Db, community.Id);
            if (!tracked.LlcDao)
            {
                return MembershipErrors.LlcModeOff;
            }

            var mine = await write.Db.LlcMembers.FirstOrDefaultAsync(m => m.CommunityId == community.Id && m.PersonId == executive);
            if (mine?.Role != LlcRules.Code(LlcRole.Executive))
            {
                return MembershipErrors.LlcNotExecutive;
            }

            var row = await RegisterAsync(write, community.Id, person.Value, role.Value, executive);
            await write.AuditAsync("llc.member.approved", new { person = person.Value.ToString(), role = row.Role, by = executive.ToString() });
            return Result<LlcMemberView>.Ok((await MembersAsync(write.Db, tracked, row.PersonId)).Single());
        });
    }

    /// <summary>
    /// Whether a token may reach <paramref name="to"/> by <paramref name="move"/>, by the community as it stands inside
    /// the write: the consent rule of the LLC-type DAO mode (every move is allowed outside it).
    /// </summary>
    public static async Task<Result<LlcMove>> ConsentAsync(WriteScope write, CommunityId community, PersonId to, LlcMove move)
    {
        var current = await TokenBook.CurrentAsync(write.Db, community);
        if (!current.LlcDao)
        {
            return move;
        }

        var registered = await write.Db.LlcMembers.FindAsync(community, to) is not null;
        return LlcRules.MayReceive(current, move, registered);
    }

    /// <summary>The member register, executives first, then by name.</summary>
    public static async Task<List<LlcMemberView>> MembersAsync(MikoshiDb db, Community community, PersonId? only = null)
    {
        var rows = await db.LlcMembers.Where(m => m.CommunityId == community.Id).ToListAsync();
        rows = rows.Union(db.LlcMembers.Local.Where(m => m.CommunityId == community.Id)).Where(m => only is null || m.PersonId == only).ToList();
        var people = rows.Select(r => r.PersonId).Concat(rows.Select(r => r.ApprovedById)).Distinct().ToList();
        var names = await PeopleBook.NamesAsync(db, people);
        var held = (await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId != null).Select(t => t.OwnerId!.Value).ToListAsync())
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var members = new List<LlcMemberView>();
        foreach (var row in rows)
        {
            var (paidIn, _) = await HolderShares.CapStandingAsync(db, community, row.PersonId, community.BaseAsset);
            members.Add(new LlcMemberView(row.PersonId.ToString(), names.GetValueOrDefault(row.PersonId, string.Empty), row.Role,
                AmountView.Of(community.BaseAsset, paidIn), held.GetValueOrDefault(row.PersonId), row.ApprovedById.ToString(),
                DateTimeOffset.FromUnixTimeMilliseconds(row.ApprovedAtUnixMs)));
        }

        return members.OrderBy(m => m.Role == "executive" ? 0 : 1).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.PersonId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The register as CSV (UTF-8 with BOM), headings in Japanese; times in Japan time, amounts in major units.</summary>
    public static string Csv(Community community, IReadOnlyList<LlcMemberView> members)
    {
        var csv = new StringBuilder("\uFEFF社員ID,氏名,区分,出資額,通貨,保有社員権トークン数,承認者ID,承認日時(JST)\r\n");
        foreach (var m in members)
        {
            var role = m.Role == "executive" ? "業務執行社員" : "非業務執行社員";
            var paid = Money.Of(community.Base, Int128.Parse(m.PaidIn.Amount, CultureInfo.InvariantCulture)).ToPlainString();
            csv.Append(CultureInfo.InvariantCulture,
                $"{m.PersonId},{CsvText.Field(m.DisplayName)},{role},{paid},{m.PaidIn.Asset},{m.Tokens},{m.ApprovedBy},{PdfDocuments.Jst(m.ApprovedAt)}\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// A draft of the articles clauses (定款の条項案) that match the settings, marked as a draft for a 司法書士 or
    /// 弁護士 to review: Mikoshi writes no legal advice, it only saves the first blank page.
    /// </summary>
    public static string Articles(Community community, CultureInfo language)
    {
        string T(string key, params object[] values) => PdfDocuments.Text(language, key, values);
        var policy = community.Policy;
        var text = new StringBuilder();
        text.AppendLine(T("ArticlesTitle", community.Name)).AppendLine();
        text.AppendLine(T("ArticlesDraftWarning")).AppendLine();
        text.AppendLine(T(community.LlcDao ? "ArticlesModeOn" : "ArticlesModeOff")).AppendLine();
        var article = 0;
        void Clause(string key, params object[] values)
        {
            article++;
            text.AppendLine(T("ArticlesClauseHeading", article, T(key + "Heading")));
            text.AppendLine(T(key, values)).AppendLine();
        }

        Clause("ArticlesToken", community.Name, community.BaseAsset);
        Clause("ArticlesRegister");
        Clause("ArticlesTransfer");
        Clause(community.ArticlesProvideInheritance ? "ArticlesInheritanceYes" : "ArticlesInheritanceNo");
        Clause("ArticlesCap");
        Clause("ArticlesRedemption", (policy.RedemptionRateBps.Value / 100m).ToString("0.##", CultureInfo.InvariantCulture));
        text.AppendLine(T("ArticlesFooter"));
        return text.ToString();
    }

    private static async Task<LlcMemberRow> RegisterAsync(WriteScope write, CommunityId community, PersonId person, LlcRole role, PersonId by)
    {
        var row = await write.Db.LlcMembers.FindAsync(community, person);
        if (row is null)
        {
            row = new LlcMemberRow { CommunityId = community, PersonId = person };
            write.Db.LlcMembers.Add(row);
        }
        else if (row.Role == LlcRules.Code(role))
        {
            return row;
        }

        row.Role = LlcRules.Code(role);
        row.ApprovedById = by;
        row.ApprovedAtUnixMs = write.At.ToUnixTimeMilliseconds();
        return row;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/llc", (HttpContext http) => Results.Ok(LlcSettingsView.Of(http.Caller().RequireCommunity())))
            .Allow(Access.Anyone)
            .WithSummary("The LLC-type DAO mode (合同会社型DAO): on or off, whether the articles provide for inheritance, and the distribution cap.")
            .Produces<LlcSettingsView>();
        api.MapPut("/communities/{slug}/llc", async (LlcSettingsRequest request, LlcDao llc, HttpContext http) =>
                Problems.From(await llc.ChangeAsync(http.Caller(), request), StatusCodes.Status200OK, http))
            .Allow(Access.Admin)
            .WithSummary("Turn the LLC-type DAO mode on or off (on: member register, transfer consent, cap at what each paid in) and say whether the articles provide for inheritance (会社法608条).")
            .Produces<LlcSettingsView>();
        api.MapGet("/communities/{slug}/llc/members", async (string? format, HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                var members = await MembersAsync(db, community);
                return format == "csv"
                    ? Results.File(Encoding.UTF8.GetBytes(Csv(community, members)), "text/csv; charset=utf-8", $"llc-members-{community.Slug}.csv")
                    : Results.Ok(new LlcRegisterView(LlcSettingsView.Of(community), members));
            })
            .Allow(Access.Insider)
            .WithSummary("The member register (社員名簿): 業務執行社員 and 非業務執行社員 with what each paid in; format=csv for a spreadsheet.")
            .Produces<LlcRegisterView>();
        api.MapPut("/communities/{slug}/llc/members/{personId}", async (string personId, LlcMemberRequest request, LlcDao llc, HttpContext http) =>
                Problems.From(await llc.ApproveAsync(http.Caller(), personId, request), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("As an executive member (業務執行社員), approve a person into the register (role executive or non_executive): transfer consent, 会社法585条.")
            .Produces<LlcMemberView>();
        api.MapGet("/communities/{slug}/llc/articles", (string? lang, HttpContext http) =>
                Results.Text(Articles(http.Caller().RequireCommunity(), PdfDocuments.Language(lang)), "text/plain; charset=utf-8"))
            .Allow(Access.Anyone)
            .WithSummary("A DRAFT of the articles clauses (定款の条項案) matching the settings, for a 司法書士 or 弁護士 to review; lang=en for English.");
    }
}
