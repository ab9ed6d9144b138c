package io.walletrecon.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An authentic inbound webhook exactly as received: raw body bytes and the headers that matter. */
@Entity
@Table(name = "webhook_events")
public class WebhookEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;

    @Column(columnDefinition = "text")
    public Provider provider;

    @Column(name = "provider_event_id", columnDefinition = "text")
    public String providerEventId;

    @Column(name = "event_type", columnDefinition = "text")
    public String eventType;

    /** JSON object of the signature and identification headers, never secrets. */
    @Column(columnDefinition = "text")
    public String headers;

    public byte[] body;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** received, processed, unprocessable */
    @Column(columnDefinition = "text")
    public String state;

    @Column(columnDefinition = "text")
    public String error;

    @Column(name = "transaction_id")
    public Long transactionId;

    @Column(name = "processed_at")
    public Instant processedAt;
}
