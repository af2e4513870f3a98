using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Auth;
using Mikoshi.Features.Ledger;
using Mikoshi.Resources;

namespace Mikoshi.Components;

/// <summary>
/// Turns a domain error into a sentence in the reader's language. The limits in the sentences come
/// from the types that own them, never restated here; an unknown code falls back to the error's Detail.
/// </summary>
public sealed class ErrorText(IStringLocalizer<Errors> text, IOptions<IdentityOptions> identity)
{
    public string For(Error error)
    {
        var sentence = text[error.Code];
        if (sentence.ResourceNotFound)
        {
            return Amounts.Shown(error);
        }

        object[] limits = error.Code switch
        {
            "invalid_name" => [Community.MaxNameLength],
            "invalid_charter" => [Community.MaxCharterLength, Community.MaxValues, Community.MaxValueLength],
            "invalid_reference" => [RecordDeposit.MaxReferenceLength],
            "invalid_display_name" => [Register.MaxDisplayNameLength],
            "weak_password" => [identity.Value.Password.RequiredLength],
            "password_too_long" => [Domain.Identity.PasswordPolicy.MaxLength],
            "invalid_profile" => [Features.People.Profiles.MaxTagLength, Features.People.Profiles.MaxTags, Features.People.Profiles.MaxBioLength],
            "invalid_successor" or "invalid_guardian" => [Domain.Membership.SuccessionPlan.MaxNamed],
            "invalid_project" => [ProjectRules.MaxTitleLength, ProjectRules.MaxDescriptionLength, TagList.MaxTagLength, TagList.MaxTags],
            "invalid_team_role" => [ProjectRules.MaxRoleLength],
            "invalid_contribution" => [ContributionRules.MaxSummaryLength],
            "invalid_evidence" => [ContributionRules.MaxEvidenceLength],
            "invalid_work" => [WorkRules.MaxTitleLength, ContributionRules.MaxEvidenceLength],
            "invalid_thanks" => [ThanksRules.MaxMessageLength],
            "invalid_source" => [Features.Revenue.RecordRevenue.MaxSourceLength],
            "invalid_proposal" => [Features.Governance.Proposals.MaxTitleLength, Features.Governance.Proposals.MaxBodyLength],
            "invalid_reason" => [Features.Governance.Voting.MaxReasonLength],
            "invalid_tax_profile" => [Features.Tax.TaxSettings.MaxLegalNameLength, Features.Tax.TaxSettings.MaxAddressLength],
            "invalid_book_account_name" => [Features.Books.BooksExport.MaxNameLength],
            _ => [],
        };
        return limits.Length == 0 ? sentence.Value : string.Format(CultureInfo.CurrentCulture, sentence.Value, limits);
    }

    public string For(string code) => For(Error.Of(code, code));
}
