using Microsoft.EntityFrameworkCore;

namespace OpenImr.Storage.Service;

/// <summary>The tables of the IMR service (users, reviewers, cases and their trail), snake_case like the letters.</summary>
internal static class ServiceModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceUser>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            user.Property(u => u.Name).HasColumnName("name").HasMaxLength(256);
            user.Property(u => u.Role).HasColumnName("role").HasMaxLength(32);
            user.HasIndex(u => u.Role);
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.HasMany(u => u.Tokens).WithOne(t => t.User).HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).HasColumnName("id");
            token.Property(t => t.UserId).HasColumnName("user_id");
            token.Property(t => t.TokenHash).HasColumnName("token_hash").HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.Property(t => t.CreatedAt).HasColumnName("created_at");
            token.Property(t => t.RevokedAt).HasColumnName("revoked_at");
        });

        modelBuilder.Entity<StoredReviewer>(reviewer =>
        {
            reviewer.ToTable("reviewers");
            reviewer.HasKey(r => r.Id);
            reviewer.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            reviewer.Property(r => r.UserId).HasColumnName("user_id");
            reviewer.HasIndex(r => r.UserId).IsUnique();
            reviewer.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
            reviewer.Property(r => r.Name).HasColumnName("name").HasMaxLength(256);
            reviewer.PrimitiveCollection(r => r.Licensure).HasColumnName("licensure");
            reviewer.PrimitiveCollection(r => r.Specialties).HasColumnName("specialties");
            reviewer.PrimitiveCollection(r => r.Affiliations).HasColumnName("affiliations");
            reviewer.Property(r => r.YearsOfPractice).HasColumnName("years_of_practice");
            reviewer.Property(r => r.HoursPerWeek).HasColumnName("hours_per_week");
            reviewer.Property(r => r.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<StoredCase>(entity =>
        {
            entity.ToTable("cases");
            entity.HasKey(c => c.Id);
            entity.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(c => c.CaseNumber).HasColumnName("case_number").HasMaxLength(64);
            entity.HasIndex(c => c.CaseNumber);
            entity.Property(c => c.CaseJson).HasColumnName("case_json");
            entity.Property(c => c.Status).HasColumnName("status").HasMaxLength(32);
            entity.HasIndex(c => c.Status);
            entity.Property(c => c.Priority).HasColumnName("priority").HasMaxLength(16);
            entity.Property(c => c.InjuryDate).HasColumnName("injury_date");
            entity.Property(c => c.UrDenialDate).HasColumnName("ur_denial_date");
            // Note that intake looks for the same claim filed twice by these two dates (PROC-05).
            entity.HasIndex(c => new { c.InjuryDate, c.UrDenialDate });
            entity.Property(c => c.ApplicationReceivedDate).HasColumnName("application_received_date");
            entity.Property(c => c.AssignedDate).HasColumnName("assigned_date");
            entity.Property(c => c.NoticeSentElectronically).HasColumnName("notice_sent_electronically");
            entity.Property(c => c.RecordsCompleteAt).HasColumnName("records_complete_at");
            entity.Property(c => c.RecordsDue).HasColumnName("records_due");
            entity.Property(c => c.DeterminationDue).HasColumnName("determination_due");
            entity.HasIndex(c => c.DeterminationDue);
            entity.Property(c => c.AssignedReviewerId).HasColumnName("assigned_reviewer_id");
            entity.HasOne(c => c.AssignedReviewer).WithMany().HasForeignKey(c => c.AssignedReviewerId).OnDelete(DeleteBehavior.Restrict);
            entity.Property(c => c.PartyUserId).HasColumnName("party_user_id");
            entity.HasOne(c => c.PartyUser).WithMany().HasForeignKey(c => c.PartyUserId).OnDelete(DeleteBehavior.Restrict);
            entity.Property(c => c.CreatedAt).HasColumnName("created_at");
            entity.Property(c => c.UpdatedAt).HasColumnName("updated_at");
            // Note that SQLite has no rowversion type: the version is a plain counter checked on update.
            entity.Property(c => c.Version).HasColumnName("version").IsConcurrencyToken();
            entity.HasMany(c => c.Requests).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
            entity.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
            entity.HasMany(c => c.Determinations).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
            entity.HasMany(c => c.Letters).WithOne().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredCaseRequest>(request =>
        {
            request.ToTable("case_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).HasColumnName("id");
            request.Property(r => r.CaseId).HasColumnName("case_id");
            request.Property(r => r.Ordinal).HasColumnName("ordinal");
            request.HasIndex(r => new { r.CaseId, r.Ordinal }).IsUnique();
            request.Property(r => r.Description).HasColumnName("description");
        });

        modelBuilder.Entity<StoredCaseDocument>(document =>
        {
            document.ToTable("case_documents");
            document.HasKey(d => d.Id);
            document.Property(d => d.Id).HasColumnName("id");
            document.Property(d => d.CaseId).HasColumnName("case_id");
            document.Property(d => d.Ordinal).HasColumnName("ordinal");
            document.HasIndex(d => new { d.CaseId, d.Ordinal }).IsUnique();
            document.Property(d => d.Type).HasColumnName("type").HasMaxLength(64);
            document.Property(d => d.Date).HasColumnName("date");
            document.Property(d => d.FileName).HasColumnName("file_name").HasMaxLength(512);
            document.Property(d => d.ContentType).HasColumnName("content_type").HasMaxLength(128);
            document.Property(d => d.Content).HasColumnName("content");
            document.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64);
            document.Property(d => d.Text).HasColumnName("text");
            document.Property(d => d.AddedAt).HasColumnName("added_at");
            document.Property(d => d.AddedBy).HasColumnName("added_by");
            document.HasMany(d => d.Facts).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredFact>(fact =>
        {
            fact.ToTable("case_facts");
            fact.HasKey(f => f.Id);
            fact.Property(f => f.Id).HasColumnName("id");
            fact.Property(f => f.DocumentId).HasColumnName("document_id");
            fact.Property(f => f.CaseId).HasColumnName("case_id");
            fact.HasIndex(f => new { f.CaseId, f.Kind });
            fact.Property(f => f.Kind).HasColumnName("kind").HasMaxLength(64);
            fact.Property(f => f.Status).HasColumnName("status").HasMaxLength(32);
            fact.Property(f => f.Start).HasColumnName("start");
            fact.Property(f => f.End).HasColumnName("end");
            fact.Property(f => f.FactJson).HasColumnName("fact_json");
        });

        modelBuilder.Entity<StoredDetermination>(determination =>
        {
            determination.ToTable("determinations");
            determination.HasKey(d => d.Id);
            determination.Property(d => d.Id).HasColumnName("id");
            determination.Property(d => d.CaseId).HasColumnName("case_id");
            determination.Property(d => d.RequestOrdinal).HasColumnName("request_ordinal");
            determination.HasIndex(d => new { d.CaseId, d.RequestOrdinal }).IsUnique();
            determination.Property(d => d.Request).HasColumnName("request");
            determination.Property(d => d.Decision).HasColumnName("decision").HasMaxLength(32);
            determination.Property(d => d.Rationale).HasColumnName("rationale");
            determination.Property(d => d.EngineJson).HasColumnName("engine_json");
            determination.Property(d => d.ReviewerId).HasColumnName("reviewer_id");
            determination.Property(d => d.DecidedAt).HasColumnName("decided_at");
        });

        modelBuilder.Entity<IssuedLetter>(letter =>
        {
            letter.ToTable("issued_letters");
            letter.HasKey(l => l.Id);
            letter.Property(l => l.Id).HasColumnName("id");
            letter.Property(l => l.CaseId).HasColumnName("case_id");
            letter.HasIndex(l => l.CaseId);
            letter.Property(l => l.LetterJson).HasColumnName("letter_json");
            letter.Property(l => l.IssuedAt).HasColumnName("issued_at");
            letter.Property(l => l.IssuedBy).HasColumnName("issued_by");
            letter.Property(l => l.LibraryVersion).HasColumnName("library_version").HasMaxLength(64);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(a => a.Id);
            entry.Property(a => a.Id).HasColumnName("id");
            entry.Property(a => a.CaseId).HasColumnName("case_id");
            entry.HasIndex(a => a.CaseId);
            entry.Property(a => a.UserId).HasColumnName("user_id");
            entry.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(300);
            entry.Property(a => a.Action).HasColumnName("action").HasMaxLength(64);
            entry.Property(a => a.Detail).HasColumnName("detail");
            entry.Property(a => a.At).HasColumnName("at");
            entry.Property(a => a.LibraryVersion).HasColumnName("library_version").HasMaxLength(64);
        });
    }
}
