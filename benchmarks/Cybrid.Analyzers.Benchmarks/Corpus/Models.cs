using System.Collections.Generic;

namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>One business entity of a module and the names of its typed members.</summary>
    internal sealed class EntityModel
    {
        public EntityModel(Rng rng, string name, string plural)
        {
            Name = name;
            Plural = plural;
            Route = plural.ToLowerInvariant();
            Camel = char.ToLowerInvariant(name[0]) + name.Substring(1);
            Text = rng.Pick(Vocabulary.TextProperties);
            Code = rng.Pick(Vocabulary.CodeProperties);
            Amount = rng.Pick(Vocabulary.AmountProperties);
            Rate = rng.Pick(Vocabulary.RateProperties);
            Quantity = rng.Pick(Vocabulary.QuantityProperties);
            Date = rng.Pick(Vocabulary.DateProperties);
            Flag = rng.Pick(Vocabulary.FlagProperties);
            Extras = rng.PickDistinct(Vocabulary.ExtraStringProperties, rng.Between(1, 4));
            var statuses = rng.PickDistinct(Vocabulary.Statuses, rng.Between(3, 6));
            statuses.Remove("Draft");
            statuses.Insert(0, "Draft");
            if (!statuses.Contains("Cancelled"))
            {
                statuses.Add("Cancelled");
            }

            Statuses = statuses;
        }

        public string Name { get; }

        public string Plural { get; }

        /// <summary>Lower-case plural for URLs.</summary>
        public string Route { get; }

        /// <summary>camelCase name for locals and parameters.</summary>
        public string Camel { get; }

        public string Text { get; }

        public string Code { get; }

        public string Amount { get; }

        public string Rate { get; }

        public string Quantity { get; }

        public string Date { get; }

        public string Flag { get; }

        public List<string> Extras { get; }

        /// <summary>The members of the status enum; the first is <c>Draft</c>, the last <c>Cancelled</c>.</summary>
        public List<string> Statuses { get; }

        public string Status => Name + "Status";

        public string Line => Name + "Line";

        public string Dto => Name + "Dto";

        public string Repository => Name + "Repository";

        public string Calculator => Name + "Calculator";

        public string Validator => Name + "Validator";
    }

    /// <summary>A module: one namespace with its entities and the infrastructure around them.</summary>
    internal sealed class ModuleModel
    {
        public ModuleModel(string ns, string domain, string folder, List<EntityModel> entities, string vendor, string vendorHost)
        {
            Namespace = ns;
            Domain = domain;
            Folder = folder;
            Entities = entities;
            Vendor = vendor;
            VendorHost = vendorHost;
        }

        public string Namespace { get; }

        public string Domain { get; }

        public string Folder { get; }

        public List<EntityModel> Entities { get; }

        /// <summary>The third-party service this module talks to (for example <c>GlobexTax</c>).</summary>
        public string Vendor { get; }

        public string VendorHost { get; }

        public string VendorOptions => Vendor + "Options";

        public string VendorClient => Vendor + "Client";
    }
}
