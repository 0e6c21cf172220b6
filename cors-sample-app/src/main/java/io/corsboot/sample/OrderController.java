package io.corsboot.sample;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner API's orders: every method a partner may use, and two response headers of which one is exposed. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    /** Exposed by the partner policy, so a cross-origin script may read it. */
    static final String REQUEST_ID = "X-Request-Id";

    /** Not exposed: a cross-origin script sees null for it, although the browser received it. */
    static final String SERVED_BY = "X-Served-By";

    private final AtomicLong ids = new AtomicLong(100);

    private final AtomicLong requests = new AtomicLong();

    @GetMapping
    OrderList list(@RequestHeader(name = "X-Client-Version", required = false) @Nullable String clientVersion) {
        return new OrderList(List.of(order(42, "Coffee beans", 2), order(43, "Filters", 1)), clientVersion);
    }

    @GetMapping("/{id}")
    ResponseEntity<Order> get(@PathVariable long id) {
        return ResponseEntity.ok()
            .header(REQUEST_ID, "req-" + this.requests.incrementAndGet())
            .header(SERVED_BY, "orders-1")
            .body(order(id, "Coffee beans", 2));
    }

    @PostMapping
    ResponseEntity<Order> create(@RequestBody OrderRequest request) {
        Order order = new Order(this.ids.incrementAndGet(), request.item(), request.quantity(), "created");
        return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
    }

    @PutMapping("/{id}")
    Order update(@PathVariable long id, @RequestBody OrderRequest request) {
        return new Order(id, request.item(), request.quantity(), "updated");
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        return ResponseEntity.noContent().build();
    }

    private static Order order(long id, String item, int quantity) {
        return new Order(id, item, quantity, "open");
    }

    /** An order as the API returns it. */
    record Order(long id, String item, int quantity, String status) {
    }

    /** The orders, and the client version the caller announced in a custom header, if any. */
    record OrderList(List<Order> orders, @Nullable String clientVersion) {
    }

    /** What a client sends to create or replace an order. */
    record OrderRequest(String item, int quantity) {
    }
}
