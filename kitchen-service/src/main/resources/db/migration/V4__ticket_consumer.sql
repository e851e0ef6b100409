-- the consumer whose order the ticket prepares, so that the consumer may read it. Nullable: tickets created
-- before, and CreateTicket commands of an older order-service, do not name one; such a ticket stays hidden
-- from consumers (admin and the restaurant's kitchen still see it).
ALTER TABLE ticket ADD COLUMN consumer_id UUID;
