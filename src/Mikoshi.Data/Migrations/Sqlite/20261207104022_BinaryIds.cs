using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BinaryIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every value is kept: each GUID's upper-case text becomes its 16 bytes in the same (RFC 4122) order, before the
            // tables are rebuilt with BLOB columns. A key and the keys that refer to it change in the same transaction, so
            // foreign keys are checked once, at its commit. Text that is not 32 hex digits becomes NULL and fails the
            // migration on its NOT NULL column.
            //
            // EF rebuilds the tables in three transactions (copy; drop and rename with foreign keys off; indexes). A run
            // stopped between them is run again from the start at the next start-up: the copies it left are dropped (the
            // originals are still whole until the second commits), and a value already turned into bytes is left as it is.
            migrationBuilder.Sql("PRAGMA defer_foreign_keys = ON;");
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS "ef_temp_AspNetRoleClaims";
                DROP TABLE IF EXISTS "ef_temp_AspNetRoles";
                DROP TABLE IF EXISTS "ef_temp_AspNetUserClaims";
                DROP TABLE IF EXISTS "ef_temp_AspNetUserLogins";
                DROP TABLE IF EXISTS "ef_temp_AspNetUserPasskeys";
                DROP TABLE IF EXISTS "ef_temp_AspNetUserRoles";
                DROP TABLE IF EXISTS "ef_temp_AspNetUserTokens";
                DROP TABLE IF EXISTS "ef_temp_AspNetUsers";
                DROP TABLE IF EXISTS "ef_temp_audit_log";
                DROP TABLE IF EXISTS "ef_temp_balances";
                DROP TABLE IF EXISTS "ef_temp_bank_accounts";
                DROP TABLE IF EXISTS "ef_temp_bank_lines";
                DROP TABLE IF EXISTS "ef_temp_book_accounts";
                DROP TABLE IF EXISTS "ef_temp_calendar_tokens";
                DROP TABLE IF EXISTS "ef_temp_chain_blocks";
                DROP TABLE IF EXISTS "ef_temp_chain_counters";
                DROP TABLE IF EXISTS "ef_temp_chain_deployments";
                DROP TABLE IF EXISTS "ef_temp_chain_entitlements";
                DROP TABLE IF EXISTS "ef_temp_chain_epochs";
                DROP TABLE IF EXISTS "ef_temp_chain_events";
                DROP TABLE IF EXISTS "ef_temp_chain_heads";
                DROP TABLE IF EXISTS "ef_temp_chain_outbox";
                DROP TABLE IF EXISTS "ef_temp_channel_deliveries";
                DROP TABLE IF EXISTS "ef_temp_claims";
                DROP TABLE IF EXISTS "ef_temp_communities";
                DROP TABLE IF EXISTS "ef_temp_community_channels";
                DROP TABLE IF EXISTS "ef_temp_community_roles";
                DROP TABLE IF EXISTS "ef_temp_community_skills";
                DROP TABLE IF EXISTS "ef_temp_community_tax";
                DROP TABLE IF EXISTS "ef_temp_contribution_acknowledgements";
                DROP TABLE IF EXISTS "ef_temp_contributions";
                DROP TABLE IF EXISTS "ef_temp_custodial_keys";
                DROP TABLE IF EXISTS "ef_temp_delegations";
                DROP TABLE IF EXISTS "ef_temp_digests";
                DROP TABLE IF EXISTS "ef_temp_dues_subscriptions";
                DROP TABLE IF EXISTS "ef_temp_events";
                DROP TABLE IF EXISTS "ef_temp_governance_rules";
                DROP TABLE IF EXISTS "ef_temp_holder_payments";
                DROP TABLE IF EXISTS "ef_temp_holder_pools";
                DROP TABLE IF EXISTS "ef_temp_holdings_checkpoints";
                DROP TABLE IF EXISTS "ef_temp_journal_entries";
                DROP TABLE IF EXISTS "ef_temp_listings";
                DROP TABLE IF EXISTS "ef_temp_llc_members";
                DROP TABLE IF EXISTS "ef_temp_matching_settings";
                DROP TABLE IF EXISTS "ef_temp_notification_profiles";
                DROP TABLE IF EXISTS "ef_temp_notification_settings";
                DROP TABLE IF EXISTS "ef_temp_notifications";
                DROP TABLE IF EXISTS "ef_temp_payee_kinds";
                DROP TABLE IF EXISTS "ef_temp_payment_settings";
                DROP TABLE IF EXISTS "ef_temp_payments";
                DROP TABLE IF EXISTS "ef_temp_payout_batches";
                DROP TABLE IF EXISTS "ef_temp_payout_lines";
                DROP TABLE IF EXISTS "ef_temp_payout_senders";
                DROP TABLE IF EXISTS "ef_temp_postings";
                DROP TABLE IF EXISTS "ef_temp_project_funding";
                DROP TABLE IF EXISTS "ef_temp_project_grants";
                DROP TABLE IF EXISTS "ef_temp_project_invitations";
                DROP TABLE IF EXISTS "ef_temp_project_team";
                DROP TABLE IF EXISTS "ef_temp_project_works";
                DROP TABLE IF EXISTS "ef_temp_projects";
                DROP TABLE IF EXISTS "ef_temp_proposals";
                DROP TABLE IF EXISTS "ef_temp_revenue";
                DROP TABLE IF EXISTS "ef_temp_sale_links";
                DROP TABLE IF EXISTS "ef_temp_siwe_nonces";
                DROP TABLE IF EXISTS "ef_temp_split_agreement_parties";
                DROP TABLE IF EXISTS "ef_temp_split_agreements";
                DROP TABLE IF EXISTS "ef_temp_stripe_events";
                DROP TABLE IF EXISTS "ef_temp_succession_confirmations";
                DROP TABLE IF EXISTS "ef_temp_succession_plans";
                DROP TABLE IF EXISTS "ef_temp_tax_profiles";
                DROP TABLE IF EXISTS "ef_temp_thanks";
                DROP TABLE IF EXISTS "ef_temp_token_accruals";
                DROP TABLE IF EXISTS "ef_temp_token_lineage";
                DROP TABLE IF EXISTS "ef_temp_token_units";
                DROP TABLE IF EXISTS "ef_temp_tokens";
                DROP TABLE IF EXISTS "ef_temp_transfer_codes";
                DROP TABLE IF EXISTS "ef_temp_treasury_pools";
                DROP TABLE IF EXISTS "ef_temp_unsubscribe_tokens";
                DROP TABLE IF EXISTS "ef_temp_verify_checkpoints";
                DROP TABLE IF EXISTS "ef_temp_votes";
                DROP TABLE IF EXISTS "ef_temp_wallet_links";
                DROP TABLE IF EXISTS "ef_temp_withholding_payments";
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetRoleClaims" SET "RoleId" = CASE WHEN typeof("RoleId") = 'text' THEN unhex(replace("RoleId", '-', '')) ELSE "RoleId" END;
                UPDATE "AspNetRoles" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                UPDATE "AspNetUserClaims" SET "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                UPDATE "AspNetUserLogins" SET "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                UPDATE "AspNetUserPasskeys" SET "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                UPDATE "AspNetUserRoles" SET "RoleId" = CASE WHEN typeof("RoleId") = 'text' THEN unhex(replace("RoleId", '-', '')) ELSE "RoleId" END, "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                UPDATE "AspNetUserTokens" SET "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                UPDATE "AspNetUsers" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                UPDATE "audit_log" SET "Chain" = CASE WHEN typeof("Chain") = 'text' THEN unhex(replace("Chain", '-', '')) ELSE "Chain" END;
                UPDATE "balances" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "bank_accounts" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "bank_lines" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "book_accounts" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "calendar_tokens" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "chain_blocks" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "chain_counters" SET "Chain" = CASE WHEN typeof("Chain") = 'text' THEN unhex(replace("Chain", '-', '')) ELSE "Chain" END;
                UPDATE "chain_deployments" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "chain_entitlements" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "chain_epochs" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "chain_events" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "chain_heads" SET "Chain" = CASE WHEN typeof("Chain") = 'text' THEN unhex(replace("Chain", '-', '')) ELSE "Chain" END;
                UPDATE "chain_outbox" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "channel_deliveries" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "claims" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "communities" SET "CreatedBy" = CASE WHEN typeof("CreatedBy") = 'text' THEN unhex(replace("CreatedBy", '-', '')) ELSE "CreatedBy" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                UPDATE "community_channels" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "community_roles" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "community_skills" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "community_tax" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "contribution_acknowledgements" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "contributions" SET "AuthorId" = CASE WHEN typeof("AuthorId") = 'text' THEN unhex(replace("AuthorId", '-', '')) ELSE "AuthorId" END, "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "custodial_keys" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "delegations" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "DelegateId" = CASE WHEN typeof("DelegateId") = 'text' THEN unhex(replace("DelegateId", '-', '')) ELSE "DelegateId" END, "DelegatorId" = CASE WHEN typeof("DelegatorId") = 'text' THEN unhex(replace("DelegatorId", '-', '')) ELSE "DelegatorId" END;
                UPDATE "digests" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "dues_subscriptions" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "events" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "governance_rules" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "holder_payments" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "holder_pools" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "holdings_checkpoints" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "journal_entries" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "listings" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "SellerId" = CASE WHEN typeof("SellerId") = 'text' THEN unhex(replace("SellerId", '-', '')) ELSE "SellerId" END;
                UPDATE "llc_members" SET "ApprovedById" = CASE WHEN typeof("ApprovedById") = 'text' THEN unhex(replace("ApprovedById", '-', '')) ELSE "ApprovedById" END, "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "matching_settings" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "notification_profiles" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "notification_settings" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "notifications" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "payee_kinds" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "payment_settings" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "payments" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "payout_batches" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "CreatedById" = CASE WHEN typeof("CreatedById") = 'text' THEN unhex(replace("CreatedById", '-', '')) ELSE "CreatedById" END, "PaidById" = CASE WHEN typeof("PaidById") = 'text' THEN unhex(replace("PaidById", '-', '')) ELSE "PaidById" END;
                UPDATE "payout_lines" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "payout_senders" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "postings" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "project_funding" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "project_grants" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "GrantedById" = CASE WHEN typeof("GrantedById") = 'text' THEN unhex(replace("GrantedById", '-', '')) ELSE "GrantedById" END;
                UPDATE "project_invitations" SET "AskedById" = CASE WHEN typeof("AskedById") = 'text' THEN unhex(replace("AskedById", '-', '')) ELSE "AskedById" END, "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "project_team" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "project_works" SET "AddedById" = CASE WHEN typeof("AddedById") = 'text' THEN unhex(replace("AddedById", '-', '')) ELSE "AddedById" END, "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "projects" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "CreatedById" = CASE WHEN typeof("CreatedById") = 'text' THEN unhex(replace("CreatedById", '-', '')) ELSE "CreatedById" END;
                UPDATE "proposals" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "ProposerId" = CASE WHEN typeof("ProposerId") = 'text' THEN unhex(replace("ProposerId", '-', '')) ELSE "ProposerId" END;
                UPDATE "revenue" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "RecordedById" = CASE WHEN typeof("RecordedById") = 'text' THEN unhex(replace("RecordedById", '-', '')) ELSE "RecordedById" END;
                UPDATE "sale_links" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "CreatedById" = CASE WHEN typeof("CreatedById") = 'text' THEN unhex(replace("CreatedById", '-', '')) ELSE "CreatedById" END;
                UPDATE "siwe_nonces" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "split_agreement_parties" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "split_agreements" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "ProposedById" = CASE WHEN typeof("ProposedById") = 'text' THEN unhex(replace("ProposedById", '-', '')) ELSE "ProposedById" END;
                UPDATE "stripe_events" SET "Chain" = CASE WHEN typeof("Chain") = 'text' THEN unhex(replace("Chain", '-', '')) ELSE "Chain" END;
                UPDATE "succession_confirmations" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "GuardianId" = CASE WHEN typeof("GuardianId") = 'text' THEN unhex(replace("GuardianId", '-', '')) ELSE "GuardianId" END, "HolderId" = CASE WHEN typeof("HolderId") = 'text' THEN unhex(replace("HolderId", '-', '')) ELSE "HolderId" END;
                UPDATE "succession_plans" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "HolderId" = CASE WHEN typeof("HolderId") = 'text' THEN unhex(replace("HolderId", '-', '')) ELSE "HolderId" END;
                UPDATE "tax_profiles" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "thanks" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "FromId" = CASE WHEN typeof("FromId") = 'text' THEN unhex(replace("FromId", '-', '')) ELSE "FromId" END, "ToId" = CASE WHEN typeof("ToId") = 'text' THEN unhex(replace("ToId", '-', '')) ELSE "ToId" END;
                UPDATE "token_accruals" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "token_lineage" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "FromId" = CASE WHEN typeof("FromId") = 'text' THEN unhex(replace("FromId", '-', '')) ELSE "FromId" END, "ToId" = CASE WHEN typeof("ToId") = 'text' THEN unhex(replace("ToId", '-', '')) ELSE "ToId" END;
                UPDATE "token_units" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "tokens" SET "ApprovedId" = CASE WHEN typeof("ApprovedId") = 'text' THEN unhex(replace("ApprovedId", '-', '')) ELSE "ApprovedId" END, "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "MintedBy" = CASE WHEN typeof("MintedBy") = 'text' THEN unhex(replace("MintedBy", '-', '')) ELSE "MintedBy" END, "OwnerId" = CASE WHEN typeof("OwnerId") = 'text' THEN unhex(replace("OwnerId", '-', '')) ELSE "OwnerId" END;
                UPDATE "transfer_codes" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "treasury_pools" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END;
                UPDATE "unsubscribe_tokens" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "verify_checkpoints" SET "Chain" = CASE WHEN typeof("Chain") = 'text' THEN unhex(replace("Chain", '-', '')) ELSE "Chain" END;
                UPDATE "votes" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "wallet_links" SET "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                UPDATE "withholding_payments" SET "CommunityId" = CASE WHEN typeof("CommunityId") = 'text' THEN unhex(replace("CommunityId", '-', '')) ELSE "CommunityId" END, "PaidById" = CASE WHEN typeof("PaidById") = 'text' THEN unhex(replace("PaidById", '-', '')) ELSE "PaidById" END;
                """);

            migrationBuilder.AlterColumn<byte[]>(
                name: "PaidById",
                table: "withholding_payments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "withholding_payments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "wallet_links",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "votes",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "votes",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Chain",
                table: "verify_checkpoints",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "unsubscribe_tokens",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "unsubscribe_tokens",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "treasury_pools",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "transfer_codes",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "transfer_codes",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "OwnerId",
                table: "tokens",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "MintedBy",
                table: "tokens",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ApprovedId",
                table: "tokens",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "tokens",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "token_units",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ToId",
                table: "token_lineage",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "FromId",
                table: "token_lineage",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "token_lineage",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "token_accruals",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ToId",
                table: "thanks",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "FromId",
                table: "thanks",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "thanks",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "tax_profiles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "HolderId",
                table: "succession_plans",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "succession_plans",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "GuardianId",
                table: "succession_confirmations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "HolderId",
                table: "succession_confirmations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "succession_confirmations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Chain",
                table: "stripe_events",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ProposedById",
                table: "split_agreements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "split_agreements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "split_agreement_parties",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "split_agreement_parties",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "siwe_nonces",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CreatedById",
                table: "sale_links",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "sale_links",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "RecordedById",
                table: "revenue",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "revenue",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ProposerId",
                table: "proposals",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "proposals",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CreatedById",
                table: "projects",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "projects",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AddedById",
                table: "project_works",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "project_works",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "project_team",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "project_team",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "project_invitations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AskedById",
                table: "project_invitations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "project_invitations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "GrantedById",
                table: "project_grants",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "project_grants",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "project_funding",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "postings",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "payout_senders",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "payout_lines",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "payout_lines",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PaidById",
                table: "payout_batches",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CreatedById",
                table: "payout_batches",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "payout_batches",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "payments",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "payments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "payment_settings",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "payee_kinds",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "payee_kinds",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "notifications",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "notifications",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "notification_settings",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "notification_profiles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "matching_settings",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ApprovedById",
                table: "llc_members",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "llc_members",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "llc_members",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "SellerId",
                table: "listings",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "listings",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "journal_entries",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "holdings_checkpoints",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "holdings_checkpoints",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "holder_pools",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "holder_payments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "holder_payments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "governance_rules",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "events",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "dues_subscriptions",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "dues_subscriptions",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "digests",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "DelegatorId",
                table: "delegations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "DelegateId",
                table: "delegations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "delegations",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "custodial_keys",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AuthorId",
                table: "contributions",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "contributions",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "contribution_acknowledgements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "contribution_acknowledgements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "community_tax",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "community_skills",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "community_roles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "community_roles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "community_channels",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CreatedBy",
                table: "communities",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "communities",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "claims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "claims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "channel_deliveries",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "chain_outbox",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "chain_outbox",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Chain",
                table: "chain_heads",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "chain_events",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "chain_epochs",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "chain_entitlements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "chain_entitlements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "chain_deployments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Chain",
                table: "chain_counters",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "chain_blocks",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "calendar_tokens",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "book_accounts",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "bank_lines",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "bank_lines",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "bank_accounts",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CommunityId",
                table: "balances",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Chain",
                table: "audit_log",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserTokens",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "AspNetUsers",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "RoleId",
                table: "AspNetUserRoles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserRoles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserPasskeys",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserLogins",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserClaims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "AspNetRoles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "RoleId",
                table: "AspNetRoleClaims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "PaidById",
                table: "withholding_payments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "withholding_payments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "wallet_links",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "votes",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "votes",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Chain",
                table: "verify_checkpoints",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "unsubscribe_tokens",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "unsubscribe_tokens",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "treasury_pools",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "transfer_codes",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "transfer_codes",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "OwnerId",
                table: "tokens",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "MintedBy",
                table: "tokens",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ApprovedId",
                table: "tokens",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "tokens",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "token_units",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ToId",
                table: "token_lineage",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "FromId",
                table: "token_lineage",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "token_lineage",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "token_accruals",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ToId",
                table: "thanks",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "FromId",
                table: "thanks",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "thanks",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "tax_profiles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "HolderId",
                table: "succession_plans",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "succession_plans",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "GuardianId",
                table: "succession_confirmations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "HolderId",
                table: "succession_confirmations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "succession_confirmations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Chain",
                table: "stripe_events",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposedById",
                table: "split_agreements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "split_agreements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "split_agreement_parties",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "split_agreement_parties",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "siwe_nonces",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedById",
                table: "sale_links",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "sale_links",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "RecordedById",
                table: "revenue",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "revenue",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposerId",
                table: "proposals",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "proposals",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedById",
                table: "projects",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "projects",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AddedById",
                table: "project_works",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "project_works",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "project_team",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "project_team",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "project_invitations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AskedById",
                table: "project_invitations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "project_invitations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "GrantedById",
                table: "project_grants",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "project_grants",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "project_funding",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "postings",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "payout_senders",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "payout_lines",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "payout_lines",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PaidById",
                table: "payout_batches",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedById",
                table: "payout_batches",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "payout_batches",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "payments",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "payments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "payment_settings",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "payee_kinds",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "payee_kinds",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "notifications",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "notifications",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "notification_settings",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "notification_profiles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "matching_settings",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ApprovedById",
                table: "llc_members",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "llc_members",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "llc_members",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "SellerId",
                table: "listings",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "listings",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "journal_entries",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "holdings_checkpoints",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "holdings_checkpoints",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "holder_pools",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "holder_payments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "holder_payments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "governance_rules",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "events",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "dues_subscriptions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "dues_subscriptions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "digests",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "DelegatorId",
                table: "delegations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "DelegateId",
                table: "delegations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "delegations",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "custodial_keys",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "contributions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "contributions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "contribution_acknowledgements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "contribution_acknowledgements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "community_tax",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "community_skills",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "community_roles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "community_roles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "community_channels",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedBy",
                table: "communities",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "communities",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "claims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "claims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "channel_deliveries",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "chain_outbox",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "chain_outbox",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Chain",
                table: "chain_heads",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "chain_events",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "chain_epochs",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "chain_entitlements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "chain_entitlements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "chain_deployments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Chain",
                table: "chain_counters",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "chain_blocks",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "calendar_tokens",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "book_accounts",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "bank_lines",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "bank_lines",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "bank_accounts",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CommunityId",
                table: "balances",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Chain",
                table: "audit_log",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserTokens",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "RoleId",
                table: "AspNetUserRoles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserRoles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserPasskeys",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserLogins",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserClaims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "AspNetRoles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "RoleId",
                table: "AspNetRoleClaims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            // The bytes back to upper-case text, as EF wrote a GUID before BinaryIds (hex() of NULL is empty text: NULL stays NULL).
            migrationBuilder.Sql("PRAGMA defer_foreign_keys = ON;");
            migrationBuilder.Sql("""
                UPDATE "AspNetRoleClaims" SET "RoleId" = CASE WHEN "RoleId" IS NULL THEN NULL ELSE substr(hex("RoleId"), 1, 8) || '-' || substr(hex("RoleId"), 9, 4) || '-' || substr(hex("RoleId"), 13, 4) || '-' || substr(hex("RoleId"), 17, 4) || '-' || substr(hex("RoleId"), 21, 12) END;
                UPDATE "AspNetRoles" SET "Id" = CASE WHEN "Id" IS NULL THEN NULL ELSE substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21, 12) END;
                UPDATE "AspNetUserClaims" SET "UserId" = CASE WHEN "UserId" IS NULL THEN NULL ELSE substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21, 12) END;
                UPDATE "AspNetUserLogins" SET "UserId" = CASE WHEN "UserId" IS NULL THEN NULL ELSE substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21, 12) END;
                UPDATE "AspNetUserPasskeys" SET "UserId" = CASE WHEN "UserId" IS NULL THEN NULL ELSE substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21, 12) END;
                UPDATE "AspNetUserRoles" SET "RoleId" = CASE WHEN "RoleId" IS NULL THEN NULL ELSE substr(hex("RoleId"), 1, 8) || '-' || substr(hex("RoleId"), 9, 4) || '-' || substr(hex("RoleId"), 13, 4) || '-' || substr(hex("RoleId"), 17, 4) || '-' || substr(hex("RoleId"), 21, 12) END, "UserId" = CASE WHEN "UserId" IS NULL THEN NULL ELSE substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21, 12) END;
                UPDATE "AspNetUserTokens" SET "UserId" = CASE WHEN "UserId" IS NULL THEN NULL ELSE substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21, 12) END;
                UPDATE "AspNetUsers" SET "Id" = CASE WHEN "Id" IS NULL THEN NULL ELSE substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21, 12) END;
                UPDATE "audit_log" SET "Chain" = CASE WHEN "Chain" IS NULL THEN NULL ELSE substr(hex("Chain"), 1, 8) || '-' || substr(hex("Chain"), 9, 4) || '-' || substr(hex("Chain"), 13, 4) || '-' || substr(hex("Chain"), 17, 4) || '-' || substr(hex("Chain"), 21, 12) END;
                UPDATE "balances" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "bank_accounts" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "bank_lines" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "book_accounts" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "calendar_tokens" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "chain_blocks" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "chain_counters" SET "Chain" = CASE WHEN "Chain" IS NULL THEN NULL ELSE substr(hex("Chain"), 1, 8) || '-' || substr(hex("Chain"), 9, 4) || '-' || substr(hex("Chain"), 13, 4) || '-' || substr(hex("Chain"), 17, 4) || '-' || substr(hex("Chain"), 21, 12) END;
                UPDATE "chain_deployments" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "chain_entitlements" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "chain_epochs" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "chain_events" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "chain_heads" SET "Chain" = CASE WHEN "Chain" IS NULL THEN NULL ELSE substr(hex("Chain"), 1, 8) || '-' || substr(hex("Chain"), 9, 4) || '-' || substr(hex("Chain"), 13, 4) || '-' || substr(hex("Chain"), 17, 4) || '-' || substr(hex("Chain"), 21, 12) END;
                UPDATE "chain_outbox" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "channel_deliveries" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "claims" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "communities" SET "CreatedBy" = CASE WHEN "CreatedBy" IS NULL THEN NULL ELSE substr(hex("CreatedBy"), 1, 8) || '-' || substr(hex("CreatedBy"), 9, 4) || '-' || substr(hex("CreatedBy"), 13, 4) || '-' || substr(hex("CreatedBy"), 17, 4) || '-' || substr(hex("CreatedBy"), 21, 12) END, "Id" = CASE WHEN "Id" IS NULL THEN NULL ELSE substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21, 12) END;
                UPDATE "community_channels" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "community_roles" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "community_skills" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "community_tax" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "contribution_acknowledgements" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "contributions" SET "AuthorId" = CASE WHEN "AuthorId" IS NULL THEN NULL ELSE substr(hex("AuthorId"), 1, 8) || '-' || substr(hex("AuthorId"), 9, 4) || '-' || substr(hex("AuthorId"), 13, 4) || '-' || substr(hex("AuthorId"), 17, 4) || '-' || substr(hex("AuthorId"), 21, 12) END, "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "custodial_keys" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "delegations" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "DelegateId" = CASE WHEN "DelegateId" IS NULL THEN NULL ELSE substr(hex("DelegateId"), 1, 8) || '-' || substr(hex("DelegateId"), 9, 4) || '-' || substr(hex("DelegateId"), 13, 4) || '-' || substr(hex("DelegateId"), 17, 4) || '-' || substr(hex("DelegateId"), 21, 12) END, "DelegatorId" = CASE WHEN "DelegatorId" IS NULL THEN NULL ELSE substr(hex("DelegatorId"), 1, 8) || '-' || substr(hex("DelegatorId"), 9, 4) || '-' || substr(hex("DelegatorId"), 13, 4) || '-' || substr(hex("DelegatorId"), 17, 4) || '-' || substr(hex("DelegatorId"), 21, 12) END;
                UPDATE "digests" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "dues_subscriptions" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "events" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "governance_rules" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "holder_payments" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "holder_pools" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "holdings_checkpoints" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "journal_entries" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "listings" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "SellerId" = CASE WHEN "SellerId" IS NULL THEN NULL ELSE substr(hex("SellerId"), 1, 8) || '-' || substr(hex("SellerId"), 9, 4) || '-' || substr(hex("SellerId"), 13, 4) || '-' || substr(hex("SellerId"), 17, 4) || '-' || substr(hex("SellerId"), 21, 12) END;
                UPDATE "llc_members" SET "ApprovedById" = CASE WHEN "ApprovedById" IS NULL THEN NULL ELSE substr(hex("ApprovedById"), 1, 8) || '-' || substr(hex("ApprovedById"), 9, 4) || '-' || substr(hex("ApprovedById"), 13, 4) || '-' || substr(hex("ApprovedById"), 17, 4) || '-' || substr(hex("ApprovedById"), 21, 12) END, "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "matching_settings" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "notification_profiles" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "notification_settings" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "notifications" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "payee_kinds" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "payment_settings" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "payments" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "payout_batches" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "CreatedById" = CASE WHEN "CreatedById" IS NULL THEN NULL ELSE substr(hex("CreatedById"), 1, 8) || '-' || substr(hex("CreatedById"), 9, 4) || '-' || substr(hex("CreatedById"), 13, 4) || '-' || substr(hex("CreatedById"), 17, 4) || '-' || substr(hex("CreatedById"), 21, 12) END, "PaidById" = CASE WHEN "PaidById" IS NULL THEN NULL ELSE substr(hex("PaidById"), 1, 8) || '-' || substr(hex("PaidById"), 9, 4) || '-' || substr(hex("PaidById"), 13, 4) || '-' || substr(hex("PaidById"), 17, 4) || '-' || substr(hex("PaidById"), 21, 12) END;
                UPDATE "payout_lines" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "payout_senders" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "postings" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "project_funding" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "project_grants" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "GrantedById" = CASE WHEN "GrantedById" IS NULL THEN NULL ELSE substr(hex("GrantedById"), 1, 8) || '-' || substr(hex("GrantedById"), 9, 4) || '-' || substr(hex("GrantedById"), 13, 4) || '-' || substr(hex("GrantedById"), 17, 4) || '-' || substr(hex("GrantedById"), 21, 12) END;
                UPDATE "project_invitations" SET "AskedById" = CASE WHEN "AskedById" IS NULL THEN NULL ELSE substr(hex("AskedById"), 1, 8) || '-' || substr(hex("AskedById"), 9, 4) || '-' || substr(hex("AskedById"), 13, 4) || '-' || substr(hex("AskedById"), 17, 4) || '-' || substr(hex("AskedById"), 21, 12) END, "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "project_team" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "project_works" SET "AddedById" = CASE WHEN "AddedById" IS NULL THEN NULL ELSE substr(hex("AddedById"), 1, 8) || '-' || substr(hex("AddedById"), 9, 4) || '-' || substr(hex("AddedById"), 13, 4) || '-' || substr(hex("AddedById"), 17, 4) || '-' || substr(hex("AddedById"), 21, 12) END, "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "projects" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "CreatedById" = CASE WHEN "CreatedById" IS NULL THEN NULL ELSE substr(hex("CreatedById"), 1, 8) || '-' || substr(hex("CreatedById"), 9, 4) || '-' || substr(hex("CreatedById"), 13, 4) || '-' || substr(hex("CreatedById"), 17, 4) || '-' || substr(hex("CreatedById"), 21, 12) END;
                UPDATE "proposals" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "ProposerId" = CASE WHEN "ProposerId" IS NULL THEN NULL ELSE substr(hex("ProposerId"), 1, 8) || '-' || substr(hex("ProposerId"), 9, 4) || '-' || substr(hex("ProposerId"), 13, 4) || '-' || substr(hex("ProposerId"), 17, 4) || '-' || substr(hex("ProposerId"), 21, 12) END;
                UPDATE "revenue" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "RecordedById" = CASE WHEN "RecordedById" IS NULL THEN NULL ELSE substr(hex("RecordedById"), 1, 8) || '-' || substr(hex("RecordedById"), 9, 4) || '-' || substr(hex("RecordedById"), 13, 4) || '-' || substr(hex("RecordedById"), 17, 4) || '-' || substr(hex("RecordedById"), 21, 12) END;
                UPDATE "sale_links" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "CreatedById" = CASE WHEN "CreatedById" IS NULL THEN NULL ELSE substr(hex("CreatedById"), 1, 8) || '-' || substr(hex("CreatedById"), 9, 4) || '-' || substr(hex("CreatedById"), 13, 4) || '-' || substr(hex("CreatedById"), 17, 4) || '-' || substr(hex("CreatedById"), 21, 12) END;
                UPDATE "siwe_nonces" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "split_agreement_parties" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "split_agreements" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "ProposedById" = CASE WHEN "ProposedById" IS NULL THEN NULL ELSE substr(hex("ProposedById"), 1, 8) || '-' || substr(hex("ProposedById"), 9, 4) || '-' || substr(hex("ProposedById"), 13, 4) || '-' || substr(hex("ProposedById"), 17, 4) || '-' || substr(hex("ProposedById"), 21, 12) END;
                UPDATE "stripe_events" SET "Chain" = CASE WHEN "Chain" IS NULL THEN NULL ELSE substr(hex("Chain"), 1, 8) || '-' || substr(hex("Chain"), 9, 4) || '-' || substr(hex("Chain"), 13, 4) || '-' || substr(hex("Chain"), 17, 4) || '-' || substr(hex("Chain"), 21, 12) END;
                UPDATE "succession_confirmations" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "GuardianId" = CASE WHEN "GuardianId" IS NULL THEN NULL ELSE substr(hex("GuardianId"), 1, 8) || '-' || substr(hex("GuardianId"), 9, 4) || '-' || substr(hex("GuardianId"), 13, 4) || '-' || substr(hex("GuardianId"), 17, 4) || '-' || substr(hex("GuardianId"), 21, 12) END, "HolderId" = CASE WHEN "HolderId" IS NULL THEN NULL ELSE substr(hex("HolderId"), 1, 8) || '-' || substr(hex("HolderId"), 9, 4) || '-' || substr(hex("HolderId"), 13, 4) || '-' || substr(hex("HolderId"), 17, 4) || '-' || substr(hex("HolderId"), 21, 12) END;
                UPDATE "succession_plans" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "HolderId" = CASE WHEN "HolderId" IS NULL THEN NULL ELSE substr(hex("HolderId"), 1, 8) || '-' || substr(hex("HolderId"), 9, 4) || '-' || substr(hex("HolderId"), 13, 4) || '-' || substr(hex("HolderId"), 17, 4) || '-' || substr(hex("HolderId"), 21, 12) END;
                UPDATE "tax_profiles" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "thanks" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "FromId" = CASE WHEN "FromId" IS NULL THEN NULL ELSE substr(hex("FromId"), 1, 8) || '-' || substr(hex("FromId"), 9, 4) || '-' || substr(hex("FromId"), 13, 4) || '-' || substr(hex("FromId"), 17, 4) || '-' || substr(hex("FromId"), 21, 12) END, "ToId" = CASE WHEN "ToId" IS NULL THEN NULL ELSE substr(hex("ToId"), 1, 8) || '-' || substr(hex("ToId"), 9, 4) || '-' || substr(hex("ToId"), 13, 4) || '-' || substr(hex("ToId"), 17, 4) || '-' || substr(hex("ToId"), 21, 12) END;
                UPDATE "token_accruals" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "token_lineage" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "FromId" = CASE WHEN "FromId" IS NULL THEN NULL ELSE substr(hex("FromId"), 1, 8) || '-' || substr(hex("FromId"), 9, 4) || '-' || substr(hex("FromId"), 13, 4) || '-' || substr(hex("FromId"), 17, 4) || '-' || substr(hex("FromId"), 21, 12) END, "ToId" = CASE WHEN "ToId" IS NULL THEN NULL ELSE substr(hex("ToId"), 1, 8) || '-' || substr(hex("ToId"), 9, 4) || '-' || substr(hex("ToId"), 13, 4) || '-' || substr(hex("ToId"), 17, 4) || '-' || substr(hex("ToId"), 21, 12) END;
                UPDATE "token_units" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "tokens" SET "ApprovedId" = CASE WHEN "ApprovedId" IS NULL THEN NULL ELSE substr(hex("ApprovedId"), 1, 8) || '-' || substr(hex("ApprovedId"), 9, 4) || '-' || substr(hex("ApprovedId"), 13, 4) || '-' || substr(hex("ApprovedId"), 17, 4) || '-' || substr(hex("ApprovedId"), 21, 12) END, "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "MintedBy" = CASE WHEN "MintedBy" IS NULL THEN NULL ELSE substr(hex("MintedBy"), 1, 8) || '-' || substr(hex("MintedBy"), 9, 4) || '-' || substr(hex("MintedBy"), 13, 4) || '-' || substr(hex("MintedBy"), 17, 4) || '-' || substr(hex("MintedBy"), 21, 12) END, "OwnerId" = CASE WHEN "OwnerId" IS NULL THEN NULL ELSE substr(hex("OwnerId"), 1, 8) || '-' || substr(hex("OwnerId"), 9, 4) || '-' || substr(hex("OwnerId"), 13, 4) || '-' || substr(hex("OwnerId"), 17, 4) || '-' || substr(hex("OwnerId"), 21, 12) END;
                UPDATE "transfer_codes" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "treasury_pools" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END;
                UPDATE "unsubscribe_tokens" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "verify_checkpoints" SET "Chain" = CASE WHEN "Chain" IS NULL THEN NULL ELSE substr(hex("Chain"), 1, 8) || '-' || substr(hex("Chain"), 9, 4) || '-' || substr(hex("Chain"), 13, 4) || '-' || substr(hex("Chain"), 17, 4) || '-' || substr(hex("Chain"), 21, 12) END;
                UPDATE "votes" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "wallet_links" SET "PersonId" = CASE WHEN "PersonId" IS NULL THEN NULL ELSE substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21, 12) END;
                UPDATE "withholding_payments" SET "CommunityId" = CASE WHEN "CommunityId" IS NULL THEN NULL ELSE substr(hex("CommunityId"), 1, 8) || '-' || substr(hex("CommunityId"), 9, 4) || '-' || substr(hex("CommunityId"), 13, 4) || '-' || substr(hex("CommunityId"), 17, 4) || '-' || substr(hex("CommunityId"), 21, 12) END, "PaidById" = CASE WHEN "PaidById" IS NULL THEN NULL ELSE substr(hex("PaidById"), 1, 8) || '-' || substr(hex("PaidById"), 9, 4) || '-' || substr(hex("PaidById"), 13, 4) || '-' || substr(hex("PaidById"), 17, 4) || '-' || substr(hex("PaidById"), 21, 12) END;
                """);
        }
    }
}
