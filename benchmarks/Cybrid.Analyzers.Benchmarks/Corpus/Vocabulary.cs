namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// Word lists. Entity and property names are chosen so that they never collide with a type of the
    /// namespaces the generated files import (no <c>Task</c>, <c>Route</c>, <c>Endpoint</c>, <c>Timer</c>, …).
    /// </summary>
    internal static class Vocabulary
    {
        public static readonly string[] Companies =
        {
            "Contoso", "Fabrikam", "Northwind", "Tailspin", "Woodgrove", "Adatum", "Litware", "Proseware",
            "Lucerne", "Wingtip", "Alpine", "Coho", "Relecloud", "Margie", "Trey", "Humongous",
        };

        public static readonly string[] Domains =
        {
            "Billing", "Inventory", "Shipping", "Catalog", "Payroll", "Scheduling", "Ledger", "Claims", "Loyalty",
            "Procurement", "Reporting", "Pricing", "Onboarding", "Compliance", "Treasury", "Lending", "Support",
            "Fleet", "Booking", "Marketing", "Learning", "Facilities", "Hospitality", "Fundraising",
        };

        /// <summary>Entity names with their plurals.</summary>
        public static readonly (string Singular, string Plural)[] Entities =
        {
            ("Invoice", "Invoices"), ("Shipment", "Shipments"), ("Product", "Products"), ("Employee", "Employees"),
            ("Appointment", "Appointments"), ("Claim", "Claims"), ("Voucher", "Vouchers"), ("Order", "Orders"),
            ("Supplier", "Suppliers"), ("Warehouse", "Warehouses"), ("Parcel", "Parcels"), ("Contract", "Contracts"),
            ("Budget", "Budgets"), ("Ticket", "Tickets"), ("Vehicle", "Vehicles"), ("Reservation", "Reservations"),
            ("Campaign", "Campaigns"), ("Policy", "Policies"), ("Rebate", "Rebates"), ("Asset", "Assets"),
            ("Loan", "Loans"), ("Statement", "Statements"), ("Member", "Members"), ("Course", "Courses"),
            ("Lesson", "Lessons"), ("Patient", "Patients"), ("Prescription", "Prescriptions"), ("Project", "Projects"),
            ("Milestone", "Milestones"), ("Timesheet", "Timesheets"), ("Expense", "Expenses"), ("Receipt", "Receipts"),
            ("Venue", "Venues"), ("Tenant", "Tenants"), ("Lease", "Leases"), ("Delivery", "Deliveries"),
            ("Recipe", "Recipes"), ("Subscriber", "Subscribers"), ("Coupon", "Coupons"), ("Review", "Reviews"),
            ("Survey", "Surveys"), ("Sensor", "Sensors"), ("Incident", "Incidents"), ("Shift", "Shifts"),
            ("Payslip", "Payslips"), ("Donation", "Donations"), ("Pledge", "Pledges"), ("Auction", "Auctions"),
            ("Listing", "Listings"), ("Booking", "Bookings"), ("Flight", "Flights"), ("Passenger", "Passengers"),
            ("Itinerary", "Itineraries"), ("Room", "Rooms"), ("Guest", "Guests"), ("Batch", "Batches"),
        };

        public static readonly string[] TextProperties = { "Name", "Title", "Reference", "DisplayName", "Label" };

        public static readonly string[] CodeProperties = { "Code", "ExternalId", "Sku", "AccountNumber", "Region" };

        public static readonly string[] AmountProperties = { "Amount", "Total", "Price", "Balance", "Cost", "Value" };

        public static readonly string[] RateProperties = { "TaxRate", "DiscountRate", "FeeRate", "Margin", "Weight" };

        public static readonly string[] QuantityProperties = { "Quantity", "Priority", "Units", "Capacity", "Attempts" };

        public static readonly string[] DateProperties = { "CreatedAt", "DueDate", "ScheduledFor", "IssuedAt", "StartsOn" };

        public static readonly string[] FlagProperties = { "IsActive", "IsArchived", "IsPriority", "IsVerified", "IsLocked" };

        public static readonly string[] ExtraStringProperties = { "Notes", "Owner", "Category", "Currency", "Country", "Email", "Phone" };

        public static readonly string[] Statuses = { "Draft", "Pending", "Active", "OnHold", "Approved", "Rejected", "Completed", "Cancelled", "Expired" };

        public static readonly string[] Currencies = { "USD", "EUR", "GBP", "CAD", "JPY", "CHF" };

        public static readonly string[] VendorNames =
        {
            "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wonka", "Tyrell", "Soylent", "Cyberdyne",
            "Oscorp", "Nakatomi", "Monarch", "Dunder", "Sterling", "Gekko", "Massive", "Acme", "Pied",
        };

        public static readonly string[] VendorServices = { "Tax", "Maps", "Mail", "Sms", "Pay", "Crm", "Erp", "Geo", "Fx", "Kyc", "Freight", "Search" };

        public static readonly string[] Cities = { "Lisbon", "Toronto", "Osaka", "Denver", "Lyon", "Austin", "Leeds", "Perth", "Turin", "Quebec" };

        public static readonly string[] Adjectives = { "stale", "overdue", "expired", "orphaned", "unpaid", "duplicate", "inactive" };
    }
}
