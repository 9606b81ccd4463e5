import { MigrationInterface, QueryRunner } from 'typeorm';

export class ShortageScans1796098828298 implements MigrationInterface {
  name = 'ShortageScans1796098828298';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`shortage_flag\` (\`id\` varchar(36) NOT NULL, \`school_id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`kind\` varchar(30) NOT NULL, \`subject\` varchar(30) NULL, \`subject_key\` varchar(30) NOT NULL, \`severity\` varchar(10) NOT NULL, \`status\` varchar(10) NOT NULL, \`required_milli\` int NOT NULL, \`actual_milli\` int NOT NULL, \`gap_milli\` int NOT NULL, \`opened_at\` datetime(3) NOT NULL, \`last_seen_at\` datetime(3) NOT NULL, \`resolved_at\` datetime(3) NULL, \`policy_version\` varchar(40) NOT NULL, \`explanation\` text NOT NULL, \`last_scan_id\` varchar(36) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_9ecb65bef12bf81878cd9e366d\` (\`status\`, \`opened_at\`), INDEX \`IDX_f9f6de40e1d849e2498ebc59e9\` (\`county_id\`, \`status\`, \`severity\`), UNIQUE INDEX \`IDX_3fa999a7912ba6a085d7bf22d6\` (\`school_id\`, \`kind\`, \`subject_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`shortage_scan\` (\`id\` varchar(36) NOT NULL, \`trigger\` varchar(10) NOT NULL, \`county_id\` varchar(6) NULL, \`city_id\` varchar(6) NULL, \`school_id\` varchar(36) NULL, \`requested_by\` varchar(36) NULL, \`as_of\` date NOT NULL, \`night_of\` date NULL, \`status\` varchar(10) NOT NULL, \`schools_total\` int NOT NULL DEFAULT '0', \`schools_scanned\` int NOT NULL DEFAULT '0', \`schools_failed\` int NOT NULL DEFAULT '0', \`flags_opened\` int NOT NULL DEFAULT '0', \`flags_updated\` int NOT NULL DEFAULT '0', \`flags_resolved\` int NOT NULL DEFAULT '0', \`error\` varchar(1000) NULL, \`created_at\` datetime(3) NOT NULL, \`started_at\` datetime(3) NULL, \`finished_at\` datetime(3) NULL, UNIQUE INDEX \`IDX_f7c1291772b99d035b09c63780\` (\`night_of\`), INDEX \`IDX_56fcf06a8812dc22481a20a70f\` (\`created_at\`), INDEX \`IDX_e5f2350636e6da6f6e53c93826\` (\`city_id\`, \`created_at\`), INDEX \`IDX_02aff7ee5d2be0668e6d3d448c\` (\`county_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`shortage_scan_batch\` (\`id\` varchar(36) NOT NULL, \`scan_id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`pending\` text NOT NULL, \`status\` varchar(10) NOT NULL, \`failed_tries\` int NOT NULL DEFAULT '0', \`last_error\` varchar(1000) NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_817e9a36b4878164989fcde7bf\` (\`status\`, \`updated_at\`), INDEX \`IDX_c5fc054e92747efe98cef49d10\` (\`scan_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`outbox_entry\` ADD \`dedupe_key\` varchar(120) NULL`);
    await queryRunner.query(`ALTER TABLE \`outbox_entry\` ADD UNIQUE INDEX \`IDX_20462d0c3d847a833ca613d3f5\` (\`dedupe_key\`)`);
    await queryRunner.query(`ALTER TABLE \`shortage_flag\` ADD CONSTRAINT \`FK_5e425cfaf83fcc03910eabf7c2c\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`shortage_scan_batch\` ADD CONSTRAINT \`FK_dc10dd0d0f68d81553abd143eb7\` FOREIGN KEY (\`scan_id\`) REFERENCES \`shortage_scan\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`shortage_scan_batch\` DROP FOREIGN KEY \`FK_dc10dd0d0f68d81553abd143eb7\``);
    await queryRunner.query(`ALTER TABLE \`shortage_flag\` DROP FOREIGN KEY \`FK_5e425cfaf83fcc03910eabf7c2c\``);
    await queryRunner.query(`ALTER TABLE \`outbox_entry\` DROP INDEX \`IDX_20462d0c3d847a833ca613d3f5\``);
    await queryRunner.query(`ALTER TABLE \`outbox_entry\` DROP COLUMN \`dedupe_key\``);
    await queryRunner.query(`DROP INDEX \`IDX_c5fc054e92747efe98cef49d10\` ON \`shortage_scan_batch\``);
    await queryRunner.query(`DROP INDEX \`IDX_817e9a36b4878164989fcde7bf\` ON \`shortage_scan_batch\``);
    await queryRunner.query(`DROP TABLE \`shortage_scan_batch\``);
    await queryRunner.query(`DROP INDEX \`IDX_02aff7ee5d2be0668e6d3d448c\` ON \`shortage_scan\``);
    await queryRunner.query(`DROP INDEX \`IDX_e5f2350636e6da6f6e53c93826\` ON \`shortage_scan\``);
    await queryRunner.query(`DROP INDEX \`IDX_56fcf06a8812dc22481a20a70f\` ON \`shortage_scan\``);
    await queryRunner.query(`DROP INDEX \`IDX_f7c1291772b99d035b09c63780\` ON \`shortage_scan\``);
    await queryRunner.query(`DROP TABLE \`shortage_scan\``);
    await queryRunner.query(`DROP INDEX \`IDX_3fa999a7912ba6a085d7bf22d6\` ON \`shortage_flag\``);
    await queryRunner.query(`DROP INDEX \`IDX_f9f6de40e1d849e2498ebc59e9\` ON \`shortage_flag\``);
    await queryRunner.query(`DROP INDEX \`IDX_9ecb65bef12bf81878cd9e366d\` ON \`shortage_flag\``);
    await queryRunner.query(`DROP TABLE \`shortage_flag\``);
  }
}
