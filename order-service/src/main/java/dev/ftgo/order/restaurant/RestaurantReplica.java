package dev.ftgo.order.restaurant;

import java.util.ArrayList;
import java.util.Currency;
import java.util.Optional;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.order.Restaurant;
import dev.ftgo.order.order.RestaurantId;

/**
 * This service's copy of the restaurants and menus kitchen-service published on restaurant.events; what
 * orders are priced from ({@link RestaurantLookup}). A restaurant is replaced as a whole, menu included,
 * by every newer snapshot.
 */
@Repository
public class RestaurantReplica {

	// the version guard makes the upsert a no-op for an older or repeated snapshot, even under concurrency
	private static final String UPSERT = """
			INSERT INTO restaurant_replica (restaurant_id, name, open, version, updated_at)
			VALUES (:id, :name, :open, :version, now())
			ON CONFLICT (restaurant_id) DO UPDATE
			SET name = EXCLUDED.name, open = EXCLUDED.open, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
			WHERE restaurant_replica.version < EXCLUDED.version""";

	private static final String INSERT_ITEM = """
			INSERT INTO restaurant_replica_menu_item
			  (restaurant_id, line_no, menu_item_id, name, price_amount, price_currency)
			VALUES (?, ?, ?, ?, ?, ?)""";

	private static final String FIND = """
			SELECT r.name, r.open, m.menu_item_id, m.name AS item_name, m.price_amount, m.price_currency
			FROM restaurant_replica r
			LEFT JOIN restaurant_replica_menu_item m ON m.restaurant_id = r.restaurant_id
			WHERE r.restaurant_id = ?
			ORDER BY m.line_no""";

	private final JdbcClient jdbc;

	RestaurantReplica(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps {@code restaurant} as of {@code version} unless a newer one is already here; returns whether it
	 * was kept. Call it in a transaction: the restaurant and its menu change together.
	 */
	public boolean apply(Restaurant restaurant, long version) {
		var id = restaurant.id().value();
		var kept = jdbc.sql(UPSERT)
			.param("id", id)
			.param("name", restaurant.name())
			.param("open", restaurant.open())
			.param("version", version)
			.update() == 1;
		if (kept) {
			jdbc.sql("DELETE FROM restaurant_replica_menu_item WHERE restaurant_id = ?").param(id).update();
			var menu = restaurant.menu();
			for (int line = 0; line < menu.size(); line++) {
				var item = menu.get(line);
				jdbc.sql(INSERT_ITEM)
					.params(id, line, item.id().value(), item.name(), item.price().amount(),
							item.price().currency().getCurrencyCode())
					.update();
			}
		}
		return kept;
	}

	/**
	 * The restaurant with its menu, read in one statement: one pooled connection, held only while it runs,
	 * and a menu that belongs to the name and state beside it. (A second query from inside the first one's row
	 * mapper would take a second connection while holding the first; with more placements at once than the
	 * pool has connections, every connection ends up held by a thread waiting for another.)
	 */
	public Optional<Restaurant> find(RestaurantId id) {
		return jdbc.sql(FIND)
			.param(id.value())
			.query((ResultSetExtractor<Optional<Restaurant>>) rows -> {
				if (!rows.next()) {
					return Optional.empty();
				}
				var name = rows.getString("name");
				var open = rows.getBoolean("open");
				var menu = new ArrayList<Restaurant.MenuItem>();
				do {
					var itemId = rows.getString("menu_item_id");
					if (itemId != null) { // the outer join's one row for a restaurant with an empty menu
						menu.add(new Restaurant.MenuItem(new MenuItemId(itemId), rows.getString("item_name"),
								new Money(rows.getBigDecimal("price_amount"), Currency.getInstance(rows.getString("price_currency")))));
					}
				}
				while (rows.next());
				return Optional.of(new Restaurant(id, name, open, menu));
			});
	}
}
