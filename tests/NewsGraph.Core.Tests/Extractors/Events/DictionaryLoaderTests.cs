using NewsGraph.Core.Extractors.Events.Dictionaries;

namespace NewsGraph.Core.Tests.Extractors.Events;

/// <summary>The PETRARCH/TABARI dictionary formats, read from text written here.</summary>
public class DictionaryLoaderTests
{
    private static CodingDictionaries Read(string text, DictionaryKind kind, string name = "test.txt")
    {
        var d = new CodingDictionaries();
        d.Read(new StringReader(text), name, kind);
        d.Freeze();
        return d;
    }

    [Fact]
    public void Verb_blocks_give_their_code_to_regular_and_irregular_forms()
    {
        var d = Read("""
            --- RESTORE [064] ---
            RESTORE
            MEND {MENDS MENDED}
            --- TRY [---] ---
            TRY
            """, DictionaryKind.Verbs);
        foreach (var form in new[] { "RESTORE", "RESTORES", "RESTORED", "RESTORING" })
            Assert.Equal("064", d.Verbs.Lookup(form).Single().Code.Forward);
        Assert.NotEmpty(d.Verbs.Lookup("MENDED"));
        Assert.Empty(d.Verbs.Lookup("MENDING")); // irregular forms are exactly those listed
        Assert.True(d.Verbs.Lookup("TRIED").Single().Code.IsNull);
        Assert.Empty(d.Verbs.Lookup("RESTOREDS"));
    }

    [Fact]
    public void British_and_American_spellings_are_one_verb()
    {
        var d = Read("--- CRITICIZE [111] ---\nCRITICIZE\n", DictionaryKind.Verbs);
        Assert.NotEmpty(d.Verbs.Lookup("CRITICISED"));
        Assert.NotEmpty(d.Verbs.Lookup("CRITICIZES"));
    }

    [Fact]
    public void Paired_codes_and_multi_word_verbs_are_read()
    {
        var d = Read("""
            --- ARRIVE [032:033] ---
            ARRIVE
            +BREAK_DOWN {+BROKE_DOWN}
            WIRE_+TAP [1711]
            """, DictionaryKind.Verbs);
        var arrive = d.Verbs.Lookup("ARRIVED").Single().Code;
        Assert.Equal(("032", "033"), (arrive.Forward, arrive.Reverse));
        var broke = d.Verbs.Lookup("BROKE").Single();
        Assert.Equal(["DOWN"], broke.After);
        var tap = d.Verbs.Lookup("TAPPED").Single();
        Assert.Equal(["WIRE"], tap.Before);
        Assert.Equal("1711", tap.Code.Forward);
    }

    [Fact]
    public void Patterns_read_slots_synsets_and_adjacency()
    {
        var d = Read("""
            &CURRENCY
            +DOLLAR
            +SWISS_FRANC

            --- GRANT [070] ---
            GRANT
            - + WAS * BY $ [071]
            - * &CURRENCY TO + [071]
            - % * [030:030]
            - RECENTLY_* ^ [072]
            """, DictionaryKind.Verbs);
        var patterns = d.Verbs.Lookup("GRANT").Single().Block.Patterns;
        Assert.Equal(4, patterns.Count);
        Assert.True(patterns[0].HasSlot(PatternElementKind.Target) && patterns[0].HasSlot(PatternElementKind.Source));
        var currency = patterns[1].Elements[patterns[1].VerbIndex + 1];
        Assert.Equal(PatternElementKind.Synset, currency.Kind);
        // Plurals are made for synonym set members; phrases keep their words together.
        Assert.Contains(currency.Phrases, p => p.SequenceEqual(["DOLLARS"]));
        Assert.Contains(currency.Phrases, p => p.SequenceEqual(["SWISS", "FRANC"]));
        Assert.Equal("030", patterns[2].Codes.Reverse);
        Assert.True(patterns[3].Elements[patterns[3].VerbIndex].Adjacent);
    }

    [Fact]
    public void A_bad_line_is_a_problem_named_by_file_and_line_and_the_rest_is_read()
    {
        var d = Read("""
            --- MEET [040] ---
            MEET
            - * WITH [abc]
            - * &UNDEFINED [041]
            - WITH + [042]
            VISIT
            """, DictionaryKind.Verbs, "mine.verbs.txt");
        Assert.Equal(3, d.Problems.Count);
        Assert.All(d.Problems, p => Assert.Equal("mine.verbs.txt", p.File));
        Assert.Equal([3, 4, 5], d.Problems.Select(p => p.Line));
        Assert.NotEmpty(d.Verbs.Lookup("VISIT"));
    }

    [Fact]
    public void Actors_have_synonyms_multiple_codes_and_codes_bounded_by_dates()
    {
        var d = Read("""
            # comment
            <!-- an XML comment -->
            GOLLUM  # pas 27 Apr 03
            +SMEAGOL
            	[HOB < 950601]
            	[HOBGOV 19950601 - 19990815]
            	[HOBREB > 990816]
            THE_SHIRE  [FRO/BIL/SAM]
            PRINCE_OF_DOL_AMROTH
            	[--- <950630]
            	[DOL]
            """, DictionaryKind.Actors);
        Assert.Empty(d.Problems);
        var upper = new[] { "SMEAGOL" };
        Assert.True(d.Actors.TryMatchAt(upper, [true], 0, out var m));
        Assert.Equal("HOB", m.Value.CodeOn(19940101));
        Assert.Equal("HOBGOV", m.Value.CodeOn(19970101));
        Assert.Equal("HOBREB", m.Value.CodeOn(20010101));
        Assert.True(m.Value.IsPerson);
        Assert.True(d.Actors.TryMatchAt(["THE", "SHIRE"], [true, true], 0, out var shire));
        Assert.Equal("FRO/BIL/SAM", shire.Value.CodeOn(null));
        Assert.True(d.Actors.TryMatchAt(["PRINCE", "OF", "DOL", "AMROTH"], [true, true, true, true], 0, out var prince));
        Assert.Null(prince.Value.CodeOn(19940101)); // a null code: known, and deliberately not coded
        Assert.Equal("DOL", prince.Value.CodeOn(19990101));
    }

    [Fact]
    public void A_blank_in_an_actor_phrase_lets_a_word_come_between()
    {
        var d = Read("ITHILEN TELEVISION  [ITHTV]\nHAMAS_GUNMEN [PSEHMSMIL]\n", DictionaryKind.Actors);
        Assert.True(d.Actors.TryMatchAt(["ITHILEN", "STATE-RUN", "TELEVISION"], [true, true, true], 0, out var tv));
        Assert.Equal(3, tv.End);
        Assert.False(d.Actors.TryMatchAt(["HAMAS", "MASKED", "GUNMEN"], [true, true, true], 0, out _));
    }

    [Fact]
    public void Agents_make_plurals_unless_told_and_expand_substitution_sets()
    {
        var d = Read("""
            !PERSON! = MAN, MEN, WOMAN, WOMEN
            POLICE {} [~COP]
            ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
            CONGRESS!PERSON! [~LEG]
            HUMAN_RIGHTS_BODY [NGO~]
            MINISTRY [~GOV]
            """, DictionaryKind.Agents);
        bool Has(params string[] words) => d.Agents.TryMatchAt(words, words.Select(_ => true).ToArray(), 0, out var m) && m.End == words.Length;
        Assert.True(Has("POLICE"));
        Assert.False(Has("POLICES"));
        Assert.True(Has("ATTORNEYS", "GENERAL"));
        Assert.True(Has("CONGRESSWOMEN"));
        Assert.True(Has("MINISTRIES"));
        Assert.True(d.Agents.TryMatchAt(["HUMAN", "RIGHTS", "BODY"], [true, true, true], 0, out var ngo));
        Assert.True(ngo.Value.Before);
        Assert.Equal("NGO", ngo.Value.Code);
    }

    [Fact]
    public void Discards_match_stems_unless_the_phrase_ends_with_an_underscore()
    {
        var d = Read("BASEBALL\n+TYPHOON\nWORLD_CUP_\n", DictionaryKind.Discards);
        Assert.Equal((true, false), d.Discards.Check(["THE", "BASEBALLS", "GAME"]));
        Assert.Equal((true, true), d.Discards.Check(["A", "TYPHOON", "HIT"]));
        Assert.Equal((true, false), d.Discards.Check(["THE", "WORLD", "CUP"]));
        Assert.Equal((false, false), d.Discards.Check(["THE", "WORLD", "CUPS"]));
    }

    [Fact]
    public void A_folder_is_read_by_file_names_and_a_missing_one_is_a_problem()
    {
        var d = CodingDictionaries.Load([TestPaths.Fixture("Events/Freedonia"), "/no/such/folder"]);
        Assert.Equal(5, d.Sources.Count);
        Assert.Contains(d.Problems, p => p.File == "/no/such/folder" && p.Line == 0);
        Assert.Equal(DictionaryKind.Verbs, CodingDictionaries.KindOf("CAMEO.2.0.txt"));
        Assert.Equal(DictionaryKind.Actors, CodingDictionaries.KindOf("Phoenix.Countries.actors.txt"));
        Assert.Null(CodingDictionaries.KindOf("Phoenix.IssueCoding.txt"));
    }

    [Fact]
    public void A_later_verb_file_redefines_a_verb_and_a_codeless_block_adds_patterns()
    {
        var d = new CodingDictionaries();
        d.Read(new StringReader("--- GIVE [040] ---\nGIVE {GIVES GAVE}\n- * AID [070]\n"), "base.verbs.txt", DictionaryKind.Verbs);
        d.Read(new StringReader("--- GENERIC [---] ---\nGIVE {GIVES GAVE}\n--- GIVE_MORE ---\nGIVE {GAVE}\n- * SUPPORT [051]\n"), "news.verbs.txt", DictionaryKind.Verbs);
        var layers = d.Verbs.Lookup("GAVE").Select(e => e.Block.Layer).Distinct().Order().ToList();
        Assert.Equal([0, 1], layers);
        // Coding with these: "gave" alone codes nothing now, "gave support" codes 051, and "gave aid" (the redefined verb's old pattern) nothing.
        Assert.Empty(EventCoderTests.Code("Freedonia gave Sylvania its blessing.", dictionaries: WithActors(d)));
        Assert.Equal("051", EventCoderTests.Code("Freedonia gave support to Sylvania.", dictionaries: WithActors(d)).Single().Code);
        Assert.Empty(EventCoderTests.Code("Freedonia gave aid to Sylvania.", dictionaries: WithActors(d)));
    }

    private static CodingDictionaries WithActors(CodingDictionaries d)
    {
        d.Read(new StringReader("FREEDONIA_ [FRE]\nSYLVANIA_ [SYL]\n"), "world.actors.txt", DictionaryKind.Actors);
        d.Freeze();
        return d;
    }

    [Fact]
    public void The_coder_is_driven_by_its_dictionaries()
    {
        const string text = "Freedonia attacked Sylvania.";
        Assert.Equal("190", EventCoderTests.Code(text).Single().Code);
        var other = new CodingDictionaries();
        other.Read(new StringReader("--- ASSAULT [180] ---\nATTACK\n"), "other.verbs.txt", DictionaryKind.Verbs);
        Assert.Equal("180", EventCoderTests.Code(text, dictionaries: WithActors(other)).Single().Code);
        var none = new CodingDictionaries();
        none.Read(new StringReader("--- ASSAULT [---] ---\nATTACK\n"), "none.verbs.txt", DictionaryKind.Verbs);
        Assert.Empty(EventCoderTests.Code(text, dictionaries: WithActors(none)));
    }
}
