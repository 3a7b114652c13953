using Microsoft.EntityFrameworkCore;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Service;

namespace OpenImr.Storage;

/// <summary>
/// The OpenIMR schema, shared by both providers. Use <see cref="SqliteImrDbContext"/> or
/// <see cref="PostgresImrDbContext"/> (through <see cref="DatabaseTarget.CreateContext"/>): each
/// carries its own migrations and its provider's full-text search objects.
/// </summary>
public abstract class ImrDbContext : DbContext
{
    protected ImrDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<StoredLetter> Letters => Set<StoredLetter>();

    public DbSet<StoredLetterItem> LetterItems => Set<StoredLetterItem>();

    public DbSet<ServiceUser> Users => Set<ServiceUser>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<StoredReviewer> Reviewers => Set<StoredReviewer>();

    public DbSet<StoredCase> Cases => Set<StoredCase>();

    public DbSet<StoredCaseRequest> CaseRequests => Set<StoredCaseRequest>();

    public DbSet<StoredCaseDocument> CaseDocuments => Set<StoredCaseDocument>();

    /// <summary>The clinical facts read from case documents, with their evidence spans.</summary>
    public DbSet<StoredFact> CaseFacts => Set<StoredFact>();

    public DbSet<StoredDetermination> Determinations => Set<StoredDetermination>();

    public DbSet<IssuedLetter> IssuedLetters => Set<IssuedLetter>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        // Note that names are snake_case so the full-text SQL of both providers reads the same.
        modelBuilder.Entity<StoredLetter>(letter =>
        {
            letter.ToTable("letters");
            letter.HasKey(l => l.Id);
            letter.Property(l => l.Id).HasColumnName("id");
            letter.Property(l => l.CaseNumber).HasColumnName("case_number").HasMaxLength(64);
            letter.HasIndex(l => l.CaseNumber).IsUnique();
            letter.Property(l => l.Source).HasColumnName("source");
            letter.Property(l => l.Format).HasColumnName("format").HasMaxLength(32);
            letter.Property(l => l.AssignedDate).HasColumnName("assigned_date");
            letter.Property(l => l.InjuryDate).HasColumnName("injury_date");
            letter.Property(l => l.DecisionDate).HasColumnName("decision_date");
            letter.HasIndex(l => l.DecisionDate);
            letter.Property(l => l.UrDenialDate).HasColumnName("ur_denial_date");
            letter.Property(l => l.ApplicationReceivedDate).HasColumnName("application_received_date");
            letter.Property(l => l.Priority).HasColumnName("priority").HasMaxLength(16);
            letter.PrimitiveCollection(l => l.ReviewerLicensure).HasColumnName("reviewer_licensure");
            letter.PrimitiveCollection(l => l.ReviewerSpecialties).HasColumnName("reviewer_specialties");
            letter.Property(l => l.PatientAge).HasColumnName("patient_age");
            letter.Property(l => l.PatientSex).HasColumnName("patient_sex").HasMaxLength(16);
            letter.Property(l => l.ClinicalSummary).HasColumnName("clinical_summary");
            letter.Property(l => l.ContentHash).HasColumnName("content_hash").HasMaxLength(64);
            letter.Property(l => l.LetterJson).HasColumnName("letter_json");
            letter.Property(l => l.ImportedAt).HasColumnName("imported_at");
            letter.HasMany(l => l.Items).WithOne(i => i.Letter).HasForeignKey(i => i.LetterId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredLetterItem>(item =>
        {
            item.ToTable("letter_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).HasColumnName("id");
            item.Property(i => i.LetterId).HasColumnName("letter_id");
            item.Property(i => i.Ordinal).HasColumnName("ordinal");
            item.HasIndex(i => new { i.LetterId, i.Ordinal }).IsUnique();
            item.Property(i => i.Request).HasColumnName("request");
            item.Property(i => i.Decision).HasColumnName("decision").HasMaxLength(32);
            item.HasIndex(i => i.Decision);
            item.Property(i => i.Service).HasColumnName("service").HasMaxLength(128);
            item.HasIndex(i => i.Service);
            item.Property(i => i.GuidelineSource).HasColumnName("guideline_source").HasMaxLength(32);
            item.Property(i => i.GuidelineTitle).HasColumnName("guideline_title").HasMaxLength(256);
            item.HasIndex(i => new { i.GuidelineSource, i.GuidelineTitle });
            item.Property(i => i.Rationale).HasColumnName("rationale");
        });

        ServiceModel.Configure(modelBuilder);
    }
}
