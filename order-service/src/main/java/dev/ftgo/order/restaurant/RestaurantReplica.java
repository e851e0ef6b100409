package dev.ftgo.order.restaurant;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

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

	public Optional<Restaurant> find(RestaurantId id) {
		return jdbc.sql("SELECT name, open FROM restaurant_replica WHERE restaurant_id = ?")
			.param(id.value())
			.query((row, number) -> new Restaurant(id, row.getString("name"), row.getBoolean("open"), menuOf(id)))
			.optional();
	}

	private List<Restaurant.MenuItem> menuOf(RestaurantId id) {
		return jdbc.sql("""
				SELECT menu_item_id, name, price_amount, price_currency FROM restaurant_replica_menu_item
				WHERE restaurant_id = ? ORDER BY line_no""")
			.param(id.value())
			.query((row, number) -> new Restaurant.MenuItem(new MenuItemId(row.getString("menu_item_id")),
					row.getString("name"),
					new Money(row.getBigDecimal("price_amount"), Currency.getInstance(row.getString("price_currency")))))
			.list();
	}
}
