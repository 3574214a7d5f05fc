/**
 * The banking sample: a transaction processor and an account service talking over Kafka and JMS,
 * with a notification service on the side. Start it with {@link io.sitkit.samples.bank.BankingSystem}.
 */
package io.sitkit.samples.bank;
