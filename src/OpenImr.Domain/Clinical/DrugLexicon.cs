namespace OpenImr.Domain.Clinical;

/// <summary>A drug known to <see cref="DrugLexicon"/>: its name as the lexicon spells it and its class (a medication kind id).</summary>
public sealed record DrugEntry(string Name, string Class)
{
    /// <summary>True for topical products (patches, creams, gels) whatever their ingredient.</summary>
    public bool IsTopical { get; init; }

    /// <summary>The active ingredients of a compounded product sold under a brand name; empty for other drugs.</summary>
    public IReadOnlyList<string> Ingredients { get; init; } = [];
}

/// <summary>
/// Brand and generic names of the drugs seen in IMR requests and records, with their class
/// (the KIND of <c>medication/KIND</c>). Compounded oral suspensions sold as kits under brand names
/// are compounded products whatever their active ingredient, which they carry as <see cref="DrugEntry.Ingredients"/>
/// (MTUS: a compounded product with any ingredient that is not recommended is not recommended).
/// </summary>
public static class DrugLexicon
{
    public const string Opioid = "opioid";
    public const string Nsaid = "nsaid";
    public const string MuscleRelaxant = "muscle-relaxant";
    public const string Anticonvulsant = "anticonvulsant";
    public const string Topical = "topical";
    public const string Compound = "compound";
    public const string Ppi = "ppi";
    public const string SleepAid = "sleep-aid";
    public const string Benzodiazepine = "benzodiazepine";
    public const string Antidepressant = "antidepressant";
    public const string Antiemetic = "antiemetic";
    public const string Other = "other";

    /// <summary>Every drug class a request can be read as.</summary>
    internal static IReadOnlyList<string> Classes { get; } =
        [Opioid, Nsaid, MuscleRelaxant, Anticonvulsant, Topical, Compound, Ppi, SleepAid, Benzodiazepine, Antidepressant, Antiemetic, Other];

    internal static PhraseLexicon<DrugEntry> Lexicon { get; } = Build();

    /// <summary>The drugs named in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<DrugEntry> Find(string text)
    {
        var tokens = Tokenizer.Tokenize(text ?? "", 0, text?.Length ?? 0);
        return [.. Lexicon.MatchAll(tokens).Select(m => m.Item)];
    }

    private static PhraseLexicon<DrugEntry> Build()
    {
        var l = new PhraseLexicon<DrugEntry>();
        void Add(string drugClass, params string[] names)
        {
            foreach (var name in names)
            {
                l.Add(name, new DrugEntry(name, drugClass));
            }
        }

        void AddTopical(params string[] names)
        {
            foreach (var name in names)
            {
                l.Add(name, new DrugEntry(name, Topical) { IsTopical = true });
            }
        }

        void AddCompoundKit(string name, params string[] ingredients) => l.Add(name, new DrugEntry(name, Compound) { Ingredients = ingredients });

        // Oral suspension compounding kits and the drugs they are made from.
        AddCompoundKit("synapryn", "tramadol", "glucosamine");
        AddCompoundKit("tabradol", "cyclobenzaprine", "methylsulfonylmethane");
        AddCompoundKit("fanatrex", "gabapentin");
        AddCompoundKit("deprizine", "ranitidine");
        AddCompoundKit("dicopanol", "diphenhydramine");
        Add(Opioid, "norco", "hydrocodone", "vicodin", "percocet", "oxycodone", "oxycontin", "tramadol", "ultram", "ultracet",
            "tapentadol", "nucynta", "morphine", "ms contin", "kadian", "hydromorphone", "dilaudid", "fentanyl", "duragesic",
            "methadone", "codeine", "tylenol with codeine", "tylenol 3", "tylenol 4", "oxymorphone", "opana", "buprenorphine",
            "butrans", "suboxone", "roxicodone", "lortab", "xartemis", "hysingla", "zohydro", "conzip", "opioid", "opioids");
        Add(Nsaid, "naproxen", "anaprox", "naprosyn", "ibuprofen", "motrin", "advil", "diclofenac", "voltaren", "meloxicam",
            "mobic", "celebrex", "celecoxib", "relafen", "nabumetone", "etodolac", "lodine", "ketoprofen", "ketorolac", "toradol",
            "indomethacin", "piroxicam", "feldene", "nsaid", "nsaids", "anti inflammatory", "anti inflammatories", "daypro",
            "oxaprozin", "arthrotec", "duexis", "vimovo", "flurbiprofen", "aspirin");
        Add(MuscleRelaxant, "cyclobenzaprine", "flexeril", "fexmid", "amrix", "orphenadrine", "norflex", "tizanidine", "zanaflex",
            "methocarbamol", "robaxin", "baclofen", "carisoprodol", "soma", "chlorzoxazone", "lorzone", "parafon",
            "metaxalone", "skelaxin", "muscle relaxant", "muscle relaxants", "dantrolene");
        Add(Anticonvulsant, "gabapentin", "neurontin", "gralise", "pregabalin", "lyrica", "topiramate", "topamax", "carbamazepine", "tegretol", "oxcarbazepine", "lamotrigine", "anticonvulsant", "anticonvulsants", "horizant");
        AddTopical("lidocaine patch", "lidoderm", "lidocaine", "salonpas", "terocin", "flector", "voltaren gel", "capsaicin",
            "menthol", "anecream", "lidopro", "ketophene", "methyl salicylate", "bengay", "biofreeze", "pennsaid", "mentherm",
            "camphor", "medrox", "dendracin", "theraflex", "genicin");
        Add(Ppi, "omeprazole", "prilosec", "pantoprazole", "protonix", "ranitidine", "zantac", "famotidine", "pepcid",
            "esomeprazole", "nexium", "lansoprazole", "prevacid", "rabeprazole", "dexilant", "proton pump inhibitor");
        Add(SleepAid, "zolpidem", "ambien", "trazodone", "desyrel", "eszopiclone", "lunesta", "sonata", "zaleplon", "diphenhydramine", "melatonin", "restoril", "temazepam", "belsomra", "sleep aid");
        Add(Benzodiazepine, "diazepam", "valium", "alprazolam", "xanax", "clonazepam", "klonopin", "lorazepam", "ativan", "benzodiazepine", "benzodiazepines");
        Add(Antidepressant, "duloxetine", "cymbalta", "amitriptyline", "elavil", "nortriptyline", "pamelor", "venlafaxine",
            "effexor", "bupropion", "wellbutrin", "sertraline", "zoloft", "fluoxetine", "prozac", "citalopram", "celexa",
            "escitalopram", "lexapro", "paroxetine", "paxil", "desipramine", "doxepin", "savella", "milnacipran", "antidepressant", "antidepressants");
        Add(Antiemetic, "ondansetron", "zofran", "promethazine", "phenergan", "metoclopramide", "reglan", "prochlorperazine", "compazine");
        Add(Other, "acetaminophen", "tylenol", "prednisone", "medrol", "methylprednisolone", "dexamethasone", "docusate", "colace",
            "senna", "senokot", "keflex", "cephalexin", "dextromethorphan", "sumatriptan", "imitrex", "fioricet", "butalbital", "theramine",
            "sentra", "gabadone", "trepadone", "hydroxyzine", "vistaril", "cialis", "viagra", "lisinopril", "metformin", "coumadin", "xarelto", "lovenox", "aspirin 81");
        return l;
    }
}
