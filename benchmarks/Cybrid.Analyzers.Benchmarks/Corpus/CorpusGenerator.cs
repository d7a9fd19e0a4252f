using System;
using System.Collections.Generic;

namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// Generates a deterministic C# corpus that looks like a line-of-business ASP.NET Core solution: modules
    /// (one namespace each) of entities with their calculators, repositories, mapping, validation and reports,
    /// plus, in realistic proportions, options classes, typed HttpClients for third-party APIs, controllers,
    /// minimal-API endpoints with webhook receivers, hosted workers and DI registration. The first module and
    /// about one module in ten also integrate with Cybrid; the first module makes every mistake the package's
    /// rules report, the others a random few.
    /// </summary>
    /// <remarks>
    /// <para>The output compiles without errors as one library (<c>OutputKind.DynamicallyLinkedLibrary</c>,
    /// nullable enabled, latest language version) against the implementation assemblies of the
    /// <c>Microsoft.NETCore.App</c> and <c>Microsoft.AspNetCore.App</c> shared frameworks. It depends on the BCL
    /// only, so tests and tools can use it without the benchmark.</para>
    /// <para>The same <c>(targetLines, seed)</c> always gives the same files, on every runtime, and a smaller
    /// corpus is a prefix of a larger one with the same seed. Generation stops at the first file that reaches
    /// <c>targetLines</c>; files come in dependency order, so every prefix compiles.</para>
    /// </remarks>
    public static class CorpusGenerator
    {
        /// <summary>The assembly name the corpus is meant to be compiled as.</summary>
        public const string AssemblyName = "Corpus";

        /// <summary>Files totalling at least <paramref name="targetLines"/> lines (overshooting by at most one file).</summary>
        public static IReadOnlyList<CorpusFile> Generate(int targetLines, int seed = 1)
        {
            if (targetLines <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(targetLines), targetLines, "Expected a positive line count.");
            }

            var rng = new Rng(seed);
            var files = new List<CorpusFile>();
            var namespaces = new HashSet<string>(StringComparer.Ordinal);
            var total = 0;
            for (var index = 0; total < targetLines; index++)
            {
                var module = NewModule(rng, namespaces);
                foreach (var file in ModuleFiles(rng, module, index))
                {
                    files.Add(file);
                    total += file.LineCount;
                    if (total >= targetLines)
                    {
                        break;
                    }
                }
            }

            return files;
        }

        private static ModuleModel NewModule(Rng rng, HashSet<string> namespaces)
        {
            string ns;
            string domain;
            string company;
            var attempt = 0;
            do
            {
                company = rng.Pick(Vocabulary.Companies);
                domain = rng.Pick(Vocabulary.Domains);
                ns = company + "." + domain;
                if (++attempt > 8)
                {
                    // no nesting ("Contoso.Billing.X" would see the types of "Contoso.Billing"): a sibling namespace
                    ns += rng.Pick(Vocabulary.Cities) + namespaces.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            while (!namespaces.Add(ns));

            var entities = new List<EntityModel>();
            foreach (var (singular, plural) in rng.PickDistinct(Vocabulary.Entities, rng.Between(3, 7)))
            {
                entities.Add(new EntityModel(rng, singular, plural));
            }

            var vendor = rng.Pick(Vocabulary.VendorNames) + rng.Pick(Vocabulary.VendorServices);
            var host = "api." + vendor.ToLowerInvariant() + rng.Pick(new[] { ".com", ".io", ".net", ".example.com" });
            return new ModuleModel(ns, domain, ns, entities, vendor, host);
        }

        /// <summary>The files of one module, each depending only on files before it.</summary>
        private static IEnumerable<CorpusFile> ModuleFiles(Rng rng, ModuleModel m, int index)
        {
            yield return File(m, "Common.cs", CorpusKinds.Business, BusinessTemplates.Common(rng, m));

            // the first module always integrates with Cybrid and makes every mistake, so even the smallest
            // corpus has something for every rule to find; later modules do so rarely, with a few mistakes
            var cybrid = index == 0 ? CybridMistakes.All() : rng.Chance(0.1) ? CybridMistakes.Random(rng, 0.3) : null;
            if (cybrid != null)
            {
                yield return File(m, "Integrations/CybridSettings.cs", CorpusKinds.Cybrid, CybridTemplates.Settings(rng, m, cybrid));
                yield return File(m, "Integrations/CybridTokenService.cs", CorpusKinds.Cybrid, CybridTemplates.TokenService(rng, m, cybrid));
                yield return File(m, "Integrations/CybridBankService.cs", CorpusKinds.Cybrid, CybridTemplates.BankService(rng, m, cybrid));
                yield return File(m, "Integrations/CybridWebhookController.cs", CorpusKinds.Cybrid, CybridTemplates.WebhookController(rng, m, cybrid));
            }

            foreach (var e in m.Entities)
            {
                yield return File(m, "Domain/" + e.Name + ".cs", CorpusKinds.Business, BusinessTemplates.Entity(rng, m, e));
                yield return File(m, "Domain/" + e.Name + "Mapping.cs", CorpusKinds.Business, BusinessTemplates.Mapping(rng, m, e));
                yield return File(m, "Domain/" + e.Repository + ".cs", CorpusKinds.Business, BusinessTemplates.Repository(rng, m, e));
                yield return File(m, "Domain/" + e.Calculator + ".cs", CorpusKinds.Business, BusinessTemplates.Calculator(rng, m, e));
                if (rng.Chance(0.7))
                {
                    yield return File(m, "Reports/" + e.Name + "ReportBuilder.cs", CorpusKinds.Business, BusinessTemplates.Report(rng, m, e));
                }
            }

            var hasOptions = rng.Chance(0.75);
            if (hasOptions)
            {
                yield return File(m, "Integrations/" + m.VendorOptions + ".cs", CorpusKinds.Options, InfrastructureTemplates.Options(rng, m));
            }

            var hasClient = hasOptions && rng.Chance(0.8);
            if (hasClient)
            {
                var served = rng.PickDistinct(m.Entities, rng.Between(1, 2));
                yield return File(m, "Integrations/" + m.VendorClient + ".cs", CorpusKinds.HttpClient, InfrastructureTemplates.HttpClient(rng, m, served));
            }

            foreach (var e in m.Entities)
            {
                if (rng.Chance(0.35))
                {
                    yield return File(m, "Api/" + e.Plural + "Controller.cs", CorpusKinds.Controller, InfrastructureTemplates.Controller(rng, m, e));
                }
            }

            if (rng.Chance(0.3))
            {
                yield return File(m, "Api/" + m.Domain + "Endpoints.cs", CorpusKinds.MinimalApi, InfrastructureTemplates.MinimalApi(rng, m, rng.Pick(m.Entities), hasOptions));
            }

            var hasWorker = rng.Chance(0.25);
            if (hasWorker)
            {
                yield return File(m, "Workers/" + m.Entities[0].Name + "MaintenanceWorker.cs", CorpusKinds.Worker, InfrastructureTemplates.Worker(rng, m, m.Entities[0]));
            }

            if (rng.Chance(0.85))
            {
                yield return File(
                    m,
                    "ServiceCollectionExtensions.cs",
                    CorpusKinds.Registration,
                    InfrastructureTemplates.Registration(rng, m, hasOptions, hasClient, hasWorker, cybrid != null, m.Entities));
            }
        }

        private static CorpusFile File(ModuleModel m, string name, string kind, string text)
            => new CorpusFile(m.Folder + "/" + name, text, kind);
    }
}
